package org.classroom.localsystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.model.Student;
import org.classroom.provision.ProvisionReport;
import org.classroom.provision.ProvisionRequest;
import org.classroom.provision.Provisioner;
import org.classroom.common.students.StudentFile;
import org.classroom.face.gallery.GalleryFiles;
import org.classroom.function.FunctionRuntime;
import org.classroom.function.RecogniseHandler;
import org.classroom.function.runtime.FunctionSettings;
import org.classroom.localcloud.LocalCloud;
import org.classroom.localcloud.LocalCloudOptions;
import org.classroom.localcloud.iam.StackTemplate;
import org.classroom.localcloud.iam.TemplatePolicies;
import org.classroom.relay.Relay;
import org.classroom.relay.RelayOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: the local cloud, provisioned, with the function behind its Lambda
 * endpoint and the relay polling its queues. Everything talks through the AWS SDK to the local cloud's
 * one endpoint, so the paths are the cloud's paths.
 */
public final class LocalSystem implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSystem.class);

    private final LocalCloud cloud;
    private final FunctionRuntime function;
    private final Relay relay;
    private final ClassroomConfig config;
    private final ProvisionReport provisioning;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private LocalSystem(LocalCloud cloud, FunctionRuntime function, Relay relay, ClassroomConfig config,
            ProvisionReport provisioning) {
        this.cloud = cloud;
        this.function = function;
        this.relay = relay;
        this.config = config;
        this.provisioning = provisioning;
    }

    /**
     * Starts everything; on a failure, stops what had started.
     *
     * @param base the user's configuration (bucket, queue, table and function names); its endpoint is replaced
     */
    public static LocalSystem start(ClassroomConfig base, LocalSystemOptions options) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            LocalCloud cloud = LocalCloud.start(new LocalCloudOptions(options.cloudPort(), options.dataDir(),
                    base.region(), options.concurrency()));
            started.add(cloud);
            ClassroomConfig config = cloud.config(base);

            ProvisionReport report;
            try (AwsClients clients = new AwsClients(config)) {
                report = new Provisioner(clients).provision(request(options.samples()));
            }

            if (options.iamTemplate() != null) {
                cloud.enforce(TemplatePolicies.load(options.iamTemplate(), StackTemplate.parameters(config), config.region()));
                LOG.info("local cloud enforces the IAM policies of {}", options.iamTemplate());
            } else {
                LOG.warn("no IAM template: the local cloud lets every part do everything");
            }

            // The function's own knobs come from the environment, as on AWS (e.g. CLASSROOM_SEGMENT_SECONDS=0 turns
            // fan-out off for a comparison); unset, they are the defaults.
            FunctionRuntime function = FunctionRuntime.create(config.withLocalKey(Parts.FUNCTION),
                    FunctionSettings.fromEnvironment(System.getenv()));
            started.add(function);
            cloud.registerFunction(config.function(), new RecogniseHandler(function));

            RelayOptions relayOptions = RelayOptions.defaults()
                    // This machine's own desktop and clients only: the relay's results are students' records.
                    .withHost("127.0.0.1")
                    .withPort(options.relayPort())
                    .withToken(RelayToken.forData(options.dataDir()))
                    .withResultsDir(options.resultsDir())
                    .withConcurrency(options.concurrency())
                    .withBatchSize(options.relayBatchSize())
                    // Short long-polls: a local stop waits for the current poll, and loopback polls are cheap.
                    .withWaitSeconds(2);
            Relay relay = Relay.start(config.withLocalKey(Parts.RELAY), relayOptions);
            started.add(relay);
            ClassroomConfig withRelay = config.withRelay(relay.apiUrl(), relay.token()).withResultsDir(relay.resultsDir());
            LOG.info("local system up: cloud {}, relay {}", cloud.endpoint(), relay.apiUrl());
            return new LocalSystem(cloud, function, relay, withRelay, report);
        } catch (IOException e) {
            closeAll(started);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /** The configuration that reaches this system: local endpoint, relay URL and token, results folder. */
    public ClassroomConfig config() {
        return config;
    }

    public LocalCloud cloud() {
        return cloud;
    }

    public Relay relay() {
        return relay;
    }

    public Path resultsDir() {
        return relay.resultsDir();
    }

    public ProvisionReport provisioning() {
        return provisioning;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeAll(List.of(cloud, function, relay));
        }
    }

    private static ProvisionRequest request(Path samples) {
        if (samples == null) {
            return ProvisionRequest.of(List.of(), Map.of());
        }
        List<Student> students = StudentFile.read(samples.resolve("student_data.json"));
        Map<String, List<double[]>> gallery = GalleryFiles.inSamples(samples)
                .map(LocalSystem::readGallery)
                .orElse(Map.of());
        return ProvisionRequest.of(students, gallery);
    }

    private static Map<String, List<double[]>> readGallery(Path file) {
        try {
            return GalleryFiles.read(file).asMap();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gallery " + file, e);
        }
    }

    /** Stops in reverse order of start: the relay first, so nothing is invoked on a stopped function. */
    private static void closeAll(List<? extends AutoCloseable> parts) {
        for (int index = parts.size() - 1; index >= 0; index--) {
            try {
                parts.get(index).close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", parts.get(index).getClass().getSimpleName(), e.toString());
            }
        }
    }
}
