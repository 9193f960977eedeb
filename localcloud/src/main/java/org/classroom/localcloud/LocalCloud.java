package org.classroom.localcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.localcloud.edge.EdgeRequest;
import org.classroom.localcloud.edge.EdgeResponse;
import org.classroom.localcloud.edge.EdgeServer;
import org.classroom.localcloud.edge.ErrorReplies;
import org.classroom.localcloud.edge.LocalHost;
import org.classroom.localcloud.iam.AccessGate;
import org.classroom.localcloud.iam.AccessPolicies;
import org.classroom.localcloud.edge.Forwarder;
import org.classroom.localcloud.edge.Service;
import org.classroom.localcloud.edge.ServiceRouter;
import org.classroom.localcloud.functions.FunctionEndpoint;
import org.classroom.localcloud.functions.LocalFunction;
import org.classroom.localcloud.s3events.NotificationStore;
import org.classroom.localcloud.s3events.QueueSender;
import org.classroom.localcloud.s3events.S3EventPublisher;
import org.classroom.localcloud.s3events.S3Gateway;
import org.classroom.localcloud.s3lifecycle.BucketObjects;
import org.classroom.localcloud.s3lifecycle.ExpirySweeper;
import org.classroom.localcloud.s3lifecycle.LifecycleApi;
import org.classroom.localcloud.s3lifecycle.LifecycleStore;
import org.classroom.localcloud.standins.DynamoDbStandIn;
import org.classroom.localcloud.standins.S3StandIn;
import org.classroom.localcloud.standins.SqsStandIn;
import org.classroom.localcloud.standins.StandIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3, SQS, DynamoDB and Lambda in this JVM, behind one endpoint on 127.0.0.1. The stand-ins (local-s3,
 * ElasticMQ, DynamoDB Local) each listen on a loopback port of their own; the edge routes each request
 * by its protocol, adds what no stand-in offers (S3 event notifications and lifecycle expiry, Lambda
 * Invoke) and can make a service answer 503 to test how clients cope.
 */
public final class LocalCloud implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCloud.class);

    private final LocalCloudOptions options;
    private final Clock clock;
    private final Forwarder forwarder = new Forwarder();
    private final Set<Service> stopped = EnumSet.noneOf(Service.class);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private volatile boolean ready;
    private EdgeServer edge;
    private StandIn s3;
    private StandIn sqs;
    private StandIn dynamoDb;
    private S3Gateway s3Gateway;
    private FunctionEndpoint functions;
    private ExpirySweeper expiry;
    private Duration startupTime;

    private volatile AccessGate gate;

    private LocalCloud(LocalCloudOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    /**
     * Starts everything and returns once every service answers.
     *
     * @throws EdgeServer.PortInUseException when the port is taken
     * @throws IllegalStateException         when a stand-in fails to start (nothing is left running)
     */
    public static LocalCloud start(LocalCloudOptions options) {
        return start(options, Clock.systemUTC());
    }

    /** As {@link #start(LocalCloudOptions)}, with the clock that decides when S3 objects expire (for tests). */
    public static LocalCloud start(LocalCloudOptions options, Clock clock) {
        LocalCloud cloud = new LocalCloud(options, clock);
        try {
            cloud.boot();
            return cloud;
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
    }

    private void boot() {
        long started = System.nanoTime();
        Path dataDir = prepareDataDir(options.dataDir());
        edge = EdgeServer.start(options.port(), this::dispatch);
        closeables.add(edge);
        int edgePort = edge.port();
        ExecutorService starters = Executors.newFixedThreadPool(3);
        try {
            // The stand-ins start in parallel: together they take about as long as the slowest.
            CompletableFuture<StandIn> s3Start = CompletableFuture.supplyAsync(timed("S3", () -> S3StandIn.start(dataDir)), starters);
            CompletableFuture<StandIn> sqsStart = CompletableFuture.supplyAsync(
                    timed("SQS", () -> SqsStandIn.start(edgePort, options.region(), dataDir)), starters);
            CompletableFuture<StandIn> dynamoStart = CompletableFuture.supplyAsync(
                    timed("DynamoDB", () -> DynamoDbStandIn.start(dataDir)), starters);
            // Wait for all three before judging, so that one failure still lets close() stop the others.
            CompletableFuture.allOf(s3Start, sqsStart, dynamoStart).exceptionally(error -> null).join();
            s3 = started(s3Start);
            sqs = started(sqsStart);
            dynamoDb = started(dynamoStart);
            failIfAnyFailed(s3Start, "S3");
            failIfAnyFailed(sqsStart, "SQS");
            failIfAnyFailed(dynamoStart, "DynamoDB");
        } finally {
            starters.shutdown();
        }
        QueueSender queueSender = new QueueSender(sqs.address(), options.region());
        closeables.add(queueSender);
        NotificationStore notifications = new NotificationStore(dataDir == null ? null : dataDir.resolve("s3-notifications.json"));
        S3EventPublisher publisher = new S3EventPublisher(notifications, queueSender, options.region());
        StandIn s3StandIn = s3;
        Supplier<URI> s3Address = s3StandIn::address;
        LifecycleStore lifecycle = new LifecycleStore(dataDir == null ? null : dataDir.resolve("s3-lifecycle.json"));
        s3Gateway = new S3Gateway(s3Address, forwarder, notifications, publisher, queueSender::exists, new LifecycleApi(lifecycle));
        expiry = new ExpirySweeper(lifecycle, new BucketObjects(s3Address, forwarder), clock, ExpirySweeper.DEFAULT_PERIOD);
        closeables.add(expiry);
        functions = new FunctionEndpoint(options.concurrency(), options.region());
        closeables.add(functions);
        ready = true;
        expiry.start();
        startupTime = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("local cloud ready at {} in {} ms ({})", endpoint(), startupTime.toMillis(),
                dataDir == null ? "in memory" : "data in " + dataDir);
    }

    private static Supplier<StandIn> timed(String what, Supplier<StandIn> start) {
        return () -> {
            long begun = System.nanoTime();
            StandIn standIn = start.get();
            LOG.debug("{} stand-in started in {} ms at {}", what, (System.nanoTime() - begun) / 1_000_000, standIn.address());
            return standIn;
        };
    }

    private StandIn started(CompletableFuture<StandIn> start) {
        if (start.isCompletedExceptionally()) {
            return null;
        }
        StandIn standIn = start.join();
        closeables.add(standIn);
        return standIn;
    }

    private static void failIfAnyFailed(CompletableFuture<StandIn> start, String what) {
        try {
            start.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("the local " + what + " did not start: " + cause.getMessage(), cause);
        }
    }

    private static Path prepareDataDir(Path dataDir) {
        if (dataDir == null) {
            return null;
        }
        Path absolute = dataDir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("the data folder " + absolute + " is a file; name a folder (it is created if missing)");
        }
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + absolute + ": " + e.getMessage(), e);
        }
        return absolute;
    }

    /** The one endpoint for every service, e.g. {@code http://127.0.0.1:4566}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + edge.port());
    }

    /** The base configuration pointed at this local cloud. */
    public ClassroomConfig config(ClassroomConfig base) {
        return base.withEndpoint(endpoint());
    }

    public LocalCloudOptions options() {
        return options;
    }

    /** From the call to {@link #start} until every service answered. */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * Makes {@code name} invocable through the Lambda API.
     *
     * @param handler a {@code RequestStreamHandler} or a {@code RequestHandler<?, ?>}
     */
    public void registerFunction(String name, Object handler) {
        registerFunction(name, handler, LocalFunction.DEFAULT_TIMEOUT);
    }

    public void registerFunction(String name, Object handler, Duration timeout) {
        functions.register(name, handler, timeout);
    }

    /**
     * Deletes the S3 objects that lifecycle rules have expired by now (the clock's), as the hourly sweep
     * does; for tests that move the clock.
     *
     * @return how many objects were deleted
     */
    public int expireObjectsNow() {
        return expiry.sweep();
    }

    /** Makes a service answer 503 ServiceUnavailable until {@link #start(Service)}, to test failure paths. */
    public void stop(Service service) {
        synchronized (stopped) {
            stopped.add(service);
        }
        LOG.info("local {} stopped (answers 503)", service);
    }

    public void start(Service service) {
        synchronized (stopped) {
            stopped.remove(service);
        }
        LOG.info("local {} started again", service);
    }

    private boolean isStopped(Service service) {
        synchronized (stopped) {
            return stopped.contains(service);
        }
    }

    /**
     * From now on, every request is checked against these policies, by the principal its access key names
     * (see {@link AccessGate}); null turns the checks off again.
     */
    public void enforce(AccessPolicies policies) {
        this.gate = policies == null ? null : new AccessGate(policies, options.region());
    }

    private EdgeResponse dispatch(EdgeRequest request) {
        Service service = ServiceRouter.route(request);
        if (!LocalHost.allows(request.header("Host"))) {
            LOG.warn("refused a request addressed to {} (not this machine's loopback: a web page by DNS rebinding?)",
                    request.header("Host").orElse("no host"));
            return ErrorReplies.error(service, 403, "AccessDenied", "the local cloud answers requests to 127.0.0.1 or localhost only");
        }
        if (!ready || isStopped(service)) {
            return ErrorReplies.unavailable(service);
        }
        try {
            AccessGate checks = gate;
            EdgeResponse reply = checks == null ? serve(service, request) : checks.handle(service, request, r -> serve(service, r));
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} {}{} -> {}", service, request.method(), request.rawPath(),
                        request.header("X-Amz-Target").map(target -> " " + target).orElse(""), reply.status());
            }
            return reply;
        } catch (RuntimeException e) {
            LOG.warn("{} {} {} failed in the local cloud: {}", service, request.method(), request.rawPath(), e.getMessage());
            return service == Service.S3
                    ? ErrorReplies.s3Error(500, "InternalError", e.getMessage(), request.rawPath())
                    : ErrorReplies.error(service, 500, "InternalFailure", String.valueOf(e.getMessage()));
        }
    }

    private EdgeResponse serve(Service service, EdgeRequest request) {
        return switch (service) {
            case S3 -> s3Gateway.handle(request);
            case DYNAMODB -> forwarder.forward(request, dynamoDb.address());
            case LAMBDA -> functions.handle(request);
            case SQS -> forwarder.forward(request, sqs.address());
        };
    }

    /** Stops everything; what a data folder holds stays for the next start. */
    @Override
    public void close() {
        ready = false;
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.debug("stopping {} failed", closeables.get(i), e);
            }
        }
        closeables.clear();
    }
}
