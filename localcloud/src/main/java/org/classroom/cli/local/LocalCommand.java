package org.classroom.cli.local;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.classroom.cli.ConfigOptions;
import org.classroom.cli.UserError;
import org.classroom.cli.provision.ProvisionRunner;
import org.classroom.cli.provision.ProvisionSource;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.localcloud.LocalCloud;
import org.classroom.localcloud.LocalCloudOptions;
import org.classroom.localcloud.edge.EdgeServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code classroom local}: the local cloud, provisioned, until Ctrl-C. */
@Command(name = "local",
        description = {"Start the local cloud (S3, SQS, DynamoDB and Lambda on one endpoint), provision it and",
                "keep it running until Ctrl-C. Other commands reach it with --endpoint or CLASSROOM_ENDPOINT."})
public final class LocalCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + LocalCloudOptions.DEFAULT_PORT,
            description = "Port on 127.0.0.1 for the endpoint (default ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep buckets, objects, queues and tables in this folder across restarts (default: in memory).")
    Path data;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "Load students and gallery from this course-layout folder (default: the samples folder if present).")
    Path samples;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        ProvisionSource.Sourced source = ProvisionSource.resolve(samples, null, null);
        ClassroomConfig base = configOptions.load();
        PrintWriter out = spec.commandLine().getOut();
        LocalCloud cloud;
        try {
            cloud = LocalCloud.start(LocalCloudOptions.of(port, data).withRegion(base.region()));
        } catch (EdgeServer.PortInUseException e) {
            throw new UserError(e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // e.g. the data folder is in use by another local cloud: one line naming it is enough
            throw new UserError(String.valueOf(e.getMessage()).lines().findFirst().orElse("the local cloud did not start"));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cloud.close();
            stopped.countDown();
        }, "local-cloud-shutdown"));
        ClassroomConfig config = cloud.config(base);
        out.printf(Locale.ROOT, "local cloud ready at %s in %.1f s (%s)%n", cloud.endpoint(),
                cloud.startupTime().toMillis() / 1000.0,
                data == null ? "in memory" : "data in " + data.toAbsolutePath().normalize());
        out.println("provisioning: " + source.description());
        out.flush();
        try (AwsClients clients = new AwsClients(config)) {
            ProvisionRunner.run(clients, source.request(), out);
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
        out.printf(Locale.ROOT, "ready in %.1f s. From another shell:%n", (System.nanoTime() - started) / 1e9);
        out.println("  export CLASSROOM_ENDPOINT=" + cloud.endpoint());
        out.println("  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION=" + config.region());
        out.println("  (or pass --endpoint " + cloud.endpoint() + "; the AWS CLI: aws --endpoint-url " + cloud.endpoint() + " ...)");
        out.println("Ctrl-C stops it.");
        out.flush();
        stopped.await();
        return 0;
    }
}
