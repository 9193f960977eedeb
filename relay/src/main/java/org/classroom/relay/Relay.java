package org.classroom.relay;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.relay.api.ApiOptions;
import org.classroom.relay.api.BearerToken;
import org.classroom.relay.api.ResultsApi;
import org.classroom.relay.aws.RelayQueue;
import org.classroom.relay.aws.ServiceCalls;
import org.classroom.relay.intake.DeadLetterWatcher;
import org.classroom.relay.intake.InputPump;
import org.classroom.relay.intake.LambdaInvoker;
import org.classroom.relay.metrics.RelayMetrics;
import org.classroom.relay.outcome.OutputPump;
import org.classroom.relay.outcome.ResultRecorder;
import org.classroom.relay.store.ResultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The relay: input queue → function, output queue → results folder, results API. {@link #close()}
 * is the graceful stop: no more receiving, invocations in flight finish (within the grace period),
 * then the server stops. Everything it has not finished stays on the queues for the next start.
 */
public final class Relay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);

    private final ClassroomConfig config;
    private final RelayOptions options;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Thread> pollers = new ArrayList<>();
    private final RelayMetrics metrics = new RelayMetrics();
    private final SqsClient sqs;
    private final SqsClient pollSqs;  // long polls get a connection pool of their own
    private final LambdaClient lambda;
    private final ServiceCalls sqsCalls;
    private final ServiceCalls lambdaCalls;
    private final ExecutorService invocations;
    private final ScheduledExecutorService visibilityKeeper = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "relay-visibility"));
    private final ResultStore store;
    private final ResultsApi api;
    private final ResultRecorder recorder;
    private final String token;
    private final TokenFile tokenFile;  // null when the token was given
    private volatile String deadLetterQueue;

    private Relay(ClassroomConfig config, RelayOptions options) throws IOException {
        this.config = config;
        this.options = options;
        String given = Optional.ofNullable(options.token()).orElse(config.relayToken());
        this.tokenFile = given == null ? TokenFile.besideResults(resultsDir(config, options)) : null;
        this.token = given != null ? given : tokenFile.readOrCreate(BearerToken::random);
        // One retry layer: the function's Retrier (the relay's service calls) decides, the SDK tries once.
        AwsClients clients = AwsClients.retriedByCaller(config);
        this.sqs = clients.sqs();
        this.pollSqs = clients.sqs();
        this.lambda = clients.lambda();
        this.sqsCalls = new ServiceCalls("SQS", options.backoff(), running::get);
        // Bounded: while an invocation is retried its messages are held invisible, beyond maxReceiveCount's reach.
        this.lambdaCalls = ServiceCalls.bounded("Lambda", options.backoff(), running::get, options.invokeAttempts());
        AtomicInteger invocationThreads = new AtomicInteger();
        this.invocations = Executors.newFixedThreadPool(options.concurrency(),
                r -> new Thread(r, "relay-invoke-" + invocationThreads.incrementAndGet()));
        ResultsApi started;
        try {
            this.store = ResultStore.open(resultsDir(config, options), options.streamLimits().replayWindow());
        } catch (IOException | RuntimeException e) {
            releaseClients();
            throw e;
        }
        try {
            started = ResultsApi.start(new ApiOptions(options.host(), options.port(), token, options.keystore(),
                    options.keystorePassword(), options.heartbeatSeconds(), options.streamLimits().clientBacklog()),
                    store, metrics, this::health);
        } catch (RuntimeException e) {
            store.close();
            releaseClients();
            throw e;
        }
        this.api = started;
        this.recorder = new ResultRecorder(store, metrics, api::publish);
    }

    /** Starts a relay; the queues are found in the background, so a missing AWS does not stop the API. */
    public static Relay start(ClassroomConfig config, RelayOptions options) throws IOException {
        Relay relay = new Relay(config, options);
        relay.startPollers();
        LOG.info("Relay up: {} -> function {} -> {}; results in {}; API {}", config.inputQueue(), config.function(),
                config.outputQueue(), relay.store.folder(), relay.apiUrl());
        if (relay.tokenFile != null) {
            // The token itself is a secret: only where to find it goes to the log.
            LOG.warn("No relay token was given; the API token is in {} (readable by its owner only)",
                    relay.tokenFile.path());
        }
        return relay;
    }

    private static Path resultsDir(ClassroomConfig config, RelayOptions options) {
        if (options.resultsDir() != null) {
            return options.resultsDir();
        }
        return config.resultsDir() != null ? config.resultsDir() : Path.of("results");
    }

    private void startPollers() {
        startThread("relay-intake", () -> {
            RelayQueue input = RelayQueue.open(sqs, pollSqs, sqsCalls, config.inputQueue());
            startDeadLetterWatcher(input);
            new InputPump(input, new LambdaInvoker(lambda, lambdaCalls, config.function()), invocations,
                    visibilityKeeper, options.concurrency(), metrics, running::get,
                    new InputPump.Settings(options.batchSize(), options.waitSeconds(), config.region())).run();
        });
        startThread("relay-outcome", () -> {
            RelayQueue output = RelayQueue.open(sqs, pollSqs, sqsCalls, config.outputQueue());
            new OutputPump(output, recorder, running::get, options.waitSeconds()).run();
        });
    }

    private void startDeadLetterWatcher(RelayQueue input) {
        Optional<RelayQueue.Redrive> redrive = input.redrive();
        String name = options.deadLetterQueue() != null ? options.deadLetterQueue()
                : redrive.map(RelayQueue.Redrive::deadLetterQueue).orElse(null);
        if (name == null) {
            LOG.warn("Input queue {} has no dead-letter queue: failed uploads will be retried until they expire",
                    input.name());
            return;
        }
        int maxReceiveCount = redrive.map(RelayQueue.Redrive::maxReceiveCount).orElse(0);
        deadLetterQueue = name;
        startThread("relay-dead-letters", () -> {
            RelayQueue deadLetters = RelayQueue.open(sqs, pollSqs, sqsCalls, name);
            new DeadLetterWatcher(deadLetters, maxReceiveCount, recorder, metrics, running::get,
                    options.waitSeconds()).run();
        });
    }

    private synchronized void startThread(String name, Runnable body) {
        if (!running.get()) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (ServiceCalls.StoppedException e) {
                // Stopping while waiting for AWS: nothing to finish.
            } catch (RuntimeException e) {
                if (running.get()) {
                    LOG.error("{} stopped: {}", name, e.toString(), e);
                }
            }
        }, name);
        pollers.add(thread);
        thread.start();
    }

    public URI apiUrl() {
        String host = "0.0.0.0".equals(options.host()) ? "127.0.0.1" : options.host();
        return URI.create(api.scheme() + "://" + host + ":" + api.port());
    }

    public int port() {
        return api.port();
    }

    public String token() {
        return token;
    }

    public Path resultsDir() {
        return store.folder();
    }

    public RelayMetrics metrics() {
        return metrics;
    }

    /** Blocks until the relay has stopped. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", sqsCalls.down() || lambdaCalls.down() ? "degraded" : "ok");
        health.put("sqs", sqsCalls.down() ? "unreachable" : "ok");
        health.put("lambda", lambdaCalls.down() ? "unreachable" : "ok");
        health.put("inFlight", metrics.inFlight());
        health.put("results", store.latest().size());
        health.put("deadLetterQueue", deadLetterQueue);
        return health;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (!running.getAndSet(false)) {
                return;
            }
        }
        LOG.info("Relay stopping: no more receiving; finishing the current polls and {} invocation(s) in flight",
                metrics.inFlight());
        List<Thread> threads;
        synchronized (this) {
            threads = List.copyOf(pollers);
        }
        // A poll cut short can still take messages off the queue (and count a receive against
        // maxReceiveCount), so each poller finishes its current long poll and handles what it got.
        join(threads, Duration.ofSeconds(options.waitSeconds() + 10L));
        // Whatever is still running is waiting out an outage (backoff) or for a free slot: wake it.
        threads.forEach(Thread::interrupt);
        join(threads, Duration.ofSeconds(10));
        invocations.shutdown();
        try {
            if (!invocations.awaitTermination(options.grace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Grace period over: {} invocation(s) abandoned; their messages return to the queue",
                        metrics.inFlight());
                invocations.shutdownNow();
            }
        } catch (InterruptedException e) {
            invocations.shutdownNow();
            Thread.currentThread().interrupt();
        }
        api.close();
        try {
            store.close();
        } catch (IOException e) {
            LOG.warn("Closing the results log: {}", e.toString());
        }
        releaseClients();
        LOG.info("Relay stopped");
        stopped.countDown();
    }

    private void releaseClients() {
        visibilityKeeper.shutdownNow();
        invocations.shutdownNow();
        pollSqs.close();
        sqs.close();
        lambda.close();
    }

    private static void join(List<Thread> threads, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
