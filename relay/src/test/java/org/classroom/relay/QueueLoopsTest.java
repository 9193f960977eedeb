package org.classroom.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.events.S3EventReader;
import org.classroom.common.format.Json;
import org.classroom.common.format.VideoKeys;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.relay.aws.Backoff;
import org.classroom.relay.aws.RelayQueue;
import org.classroom.relay.aws.ServiceCalls;
import org.classroom.relay.intake.DeadLetterWatcher;
import org.classroom.relay.intake.FunctionInvoker;
import org.classroom.relay.intake.InputPump;
import org.classroom.relay.intake.LambdaInvoker;
import org.classroom.relay.metrics.RelayMetrics;
import org.classroom.relay.outcome.OutputPump;
import org.classroom.relay.outcome.ResultRecorder;
import org.classroom.relay.store.ResultStore;
import org.classroom.relay.store.StoredResult;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The intake, outcome and dead-letter loops against a real SQS (ElasticMQ) with an in-test function
 * that behaves like the real one: it answers each upload with a result on the output queue, and
 * reports the uploads it could not do as batch item failures.
 */
class QueueLoopsTest {

    static final int CONCURRENCY = 3;

    @TempDir
    Path results;

    SQSRestServer server;
    SqsClient sqs;
    SqsClient poller;
    ExecutorService invocations;
    final java.util.concurrent.ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    final AtomicBoolean running = new AtomicBoolean(true);
    final List<Thread> threads = new ArrayList<>();

    @BeforeEach
    void startSqs() {
        server = SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
        int port = server.waitUntilStarted().localAddress().getPort();
        ClassroomConfig config = new ConfigLoader(Map.of(), results.resolve("none.properties"))
                .load(Map.of()).withEndpoint(URI.create("http://127.0.0.1:" + port));
        AwsClients clients = new AwsClients(config);
        sqs = clients.sqs();
        poller = clients.sqs();
        invocations = Executors.newFixedThreadPool(CONCURRENCY);
    }

    @AfterEach
    void stop() throws InterruptedException {
        running.set(false);
        poller.close();
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        invocations.shutdownNow();
        timers.shutdownNow();
        sqs.close();
        server.stopAndWait();
    }

    String createQueue(String name, Map<QueueAttributeName, String> attributes) {
        return sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
    }

    static String s3Event(String key) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                "s3":{"bucket":{"name":"in"},"object":{"key":"%s","size":5,"eTag":"e-%s","sequencer":"01"}}}]}
                """.formatted(key, key);
    }

    void spawn(String name, Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (ServiceCalls.StoppedException e) {
                // stopping
            }
        }, name);
        threads.add(thread);
        thread.start();
    }

    /** The function stand-in: one result per upload, except the poison key, which always fails. */
    final class TestFunction implements FunctionInvoker {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final Set<String> invokedKeys = ConcurrentHashMap.newKeySet();
        final AtomicInteger invocations = new AtomicInteger();
        final String outputUrl;

        TestFunction(String outputUrl) {
            this.outputUrl = outputUrl;
        }

        @Override
        public FunctionReply invoke(String event) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            invocations.incrementAndGet();
            try {
                Thread.sleep(50);
                List<String> failed = new ArrayList<>();
                for (JsonNode record : Json.mapper().readTree(event).path("Records")) {
                    assertThat(record.path("eventSource").asText()).isEqualTo("aws:sqs");
                    String key = S3EventReader.read(record.path("body").asText()).objects().get(0).key();
                    invokedKeys.add(key);
                    if (key.startsWith("poison")) {
                        failed.add("{\"itemIdentifier\":\"" + record.path("messageId").asText() + "\"}");
                    } else {
                        VideoResult result = TestResults.recognised(key, "student_" + VideoKeys.stem(key),
                                "math", "senior");
                        sqs.sendMessage(r -> r.queueUrl(outputUrl).messageBody(Json.write(result)));
                    }
                }
                return new FunctionReply(null, "{\"batchItemFailures\":[" + String.join(",", failed) + "]}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    @Test
    void everyUploadEndsAsOneResultAndThePoisonOneAsAnError() throws Exception {
        String dlqUrl = createQueue("in-dlq", Map.of());
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String inputUrl = createQueue("in", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"));
        String outputUrl = createQueue("out", Map.of());

        ServiceCalls calls = new ServiceCalls("SQS", Backoff.DEFAULT, running::get);
        RelayMetrics metrics = new RelayMetrics();
        TestFunction function = new TestFunction(outputUrl);
        List<StoredResult> announced = new ArrayList<>();
        try (ResultStore store = ResultStore.open(results)) {
            ResultRecorder recorder = new ResultRecorder(store, metrics, entry -> {
                synchronized (announced) {
                    announced.add(entry);
                }
            });
            RelayQueue input = RelayQueue.open(sqs, poller, calls, "in");
            RelayQueue.Redrive redrive = input.redrive().orElseThrow();
            assertThat(redrive).isEqualTo(new RelayQueue.Redrive("in-dlq", 2));

            int uploads = 40;
            sqs.sendMessage(r -> r.queueUrl(inputUrl)
                    .messageBody("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"in\"}"));
            for (int i = 0; i < uploads; i++) {
                String key = "test_" + i + ".mp4";
                sqs.sendMessage(r -> r.queueUrl(inputUrl).messageBody(s3Event(key)));
            }
            sqs.sendMessage(r -> r.queueUrl(inputUrl).messageBody(s3Event("poison.mp4")));

            spawn("intake", new InputPump(input, function, invocations, timers, CONCURRENCY, metrics, running::get,
                    new InputPump.Settings(10, 1, "us-east-1")));
            spawn("outcome", new OutputPump(RelayQueue.open(sqs, poller, calls, "out"), recorder, running::get, 1));
            spawn("dead-letters", new DeadLetterWatcher(RelayQueue.open(sqs, poller, calls, redrive.deadLetterQueue()),
                    redrive.maxReceiveCount(), recorder, metrics, running::get, 1));

            waitFor(() -> store.latest().size() == uploads + 1, 60);

            List<StoredResult> latest = store.latest();
            assertThat(latest).hasSize(uploads + 1);
            VideoResult poison = latest.stream().map(StoredResult::result)
                    .filter(r -> r.video().equals("poison.mp4")).findFirst().orElseThrow();
            assertThat(poison.status()).isEqualTo(ResultStatus.ERROR);
            assertThat(poison.reason()).isEqualTo("gave up after 2 attempts");
            assertThat(poison.etag()).isEqualTo("e-poison.mp4");
            for (int i = 0; i < uploads; i++) {
                assertThat(results.resolve("test_" + i + ".txt")).hasContent("student_test_" + i + ",math,senior");
            }
            assertThat(function.invokedKeys).hasSize(uploads + 1).doesNotContain("s3:TestEvent");
            assertThat(function.maxInFlight.get()).isBetween(1, CONCURRENCY);
            assertThat(announced).hasSize(uploads + 1);
            // Nothing left behind: every upload was deleted from the input queue, every result from the output.
            assertThat(count(inputUrl)).isZero();
            assertThat(count(outputUrl)).isZero();
            assertThat(metrics.scrape()).contains("relay_messages_dead_lettered_total 1.0")
                    .contains("relay_messages_succeeded_total " + uploads + ".0");
        }
    }

    @Test
    void aSlowInvocationKeepsItsMessagesInvisibleSoTheyRunOnce() throws Exception {
        String dlqUrl = createQueue("slow-dlq", Map.of());
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String inputUrl = createQueue("slow", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "4",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"));
        String outputUrl = createQueue("slow-out", Map.of());
        ServiceCalls calls = new ServiceCalls("SQS", Backoff.DEFAULT, running::get);
        RelayMetrics metrics = new RelayMetrics();
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        FunctionInvoker slow = event -> {
            try {
                for (JsonNode record : Json.mapper().readTree(event).path("Records")) {
                    runs.computeIfAbsent(S3EventReader.read(record.path("body").asText()).objects().get(0).key(),
                            k -> new AtomicInteger()).incrementAndGet();
                }
                // Longer than two visibility timeouts: without the keeper the batch would go round again.
                Thread.sleep(9000);
                return new FunctionInvoker.FunctionReply(null, "");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        for (int i = 0; i < 3; i++) {
            String key = "slow_" + i + ".mp4";
            sqs.sendMessage(r -> r.queueUrl(inputUrl).messageBody(s3Event(key)));
        }
        spawn("intake", new InputPump(RelayQueue.open(sqs, poller, calls, "slow"), slow, invocations, timers, CONCURRENCY,
                metrics, running::get, new InputPump.Settings(10, 1, "us-east-1")));
        waitFor(() -> count(inputUrl) == 0, 60);
        assertThat(count(inputUrl)).isZero();
        assertThat(count(dlqUrl)).isZero();
        assertThat(runs).hasSize(3).allSatisfy((key, times) -> assertThat(times.get()).as(key).isEqualTo(1));
    }

    @Test
    void aRelayThatDiesMidBatchHoldsItsMessagesOnlyForItsLeaseNotTheQueuesTimeout() throws Exception {
        // The template's input queue: a visibility timeout of six function timeouts.
        String inputUrl = createQueue("leased", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "360"));
        ServiceCalls calls = new ServiceCalls("SQS", Backoff.DEFAULT, running::get);
        java.util.concurrent.CountDownLatch received = new java.util.concurrent.CountDownLatch(1);
        FunctionInvoker hangs = event -> {
            received.countDown();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new FunctionInvoker.FunctionReply("Unhandled", "{}");
        };
        java.util.concurrent.ScheduledExecutorService dyingTimers = Executors.newSingleThreadScheduledExecutor();
        sqs.sendMessage(r -> r.queueUrl(inputUrl).messageBody(s3Event("orphan.mp4")));
        spawn("intake", new InputPump(RelayQueue.open(sqs, poller, calls, "leased"), hangs, invocations, dyingTimers, 1,
                new RelayMetrics(), running::get, new InputPump.Settings(10, 1, "us-east-1", 3)));
        assertThat(received.await(30, TimeUnit.SECONDS)).isTrue();

        // The relay dies: nothing renews its lease any more, and its invocation never answers.
        dyingTimers.shutdownNow();
        long died = System.nanoTime();
        List<software.amazon.awssdk.services.sqs.model.Message> again = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> sqs.receiveMessage(r -> r.queueUrl(inputUrl).waitTimeSeconds(1)).messages(),
                        messages -> !messages.isEmpty());
        assertThat(again).singleElement().satisfies(message -> assertThat(message.body()).contains("orphan.mp4"));
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - died)).as("seconds until it came back")
                .isLessThan(30);
    }

    @Test
    void aDeadLetterForAnUploadThatAlreadyHasItsResultIsStale() throws Exception {
        String dlqUrl = createQueue("stale-dlq", Map.of());
        ServiceCalls calls = new ServiceCalls("SQS", Backoff.DEFAULT, running::get);
        RelayMetrics metrics = new RelayMetrics();
        try (ResultStore store = ResultStore.open(results)) {
            ResultRecorder recorder = new ResultRecorder(store, metrics, entry -> { });
            recorder.record(TestResults.recognised("done.mp4", "floki", "history", "junior").withVideo("done.mp4",
                    "e-done.mp4"));
            sqs.sendMessage(r -> r.queueUrl(dlqUrl).messageBody(s3Event("done.mp4")));
            sqs.sendMessage(r -> r.queueUrl(dlqUrl).messageBody(s3Event("lost.mp4")));
            spawn("dead-letters", new DeadLetterWatcher(RelayQueue.open(sqs, poller, calls, "stale-dlq"), 3, recorder,
                    metrics, running::get, 1));
            waitFor(() -> count(dlqUrl) == 0 && store.latestFor("lost.mp4").isPresent(), 30);
            assertThat(store.latestFor("done.mp4").orElseThrow().result().status()).isEqualTo(ResultStatus.RECOGNISED);
            assertThat(results.resolve("done.txt")).hasContent("floki,history,junior");
            assertThat(store.latestFor("lost.mp4").orElseThrow().result().reason()).isEqualTo("gave up after 3 attempts");
            assertThat(count(dlqUrl)).isZero();
        }
    }

    @Test
    void aDeadLetterForAnOlderUploadIsLoggedButTheNewerUploadsResultStays() throws Exception {
        String dlqUrl = createQueue("older-dlq", Map.of());
        ServiceCalls calls = new ServiceCalls("SQS", Backoff.DEFAULT, running::get);
        RelayMetrics metrics = new RelayMetrics();
        try (ResultStore store = ResultStore.open(results)) {
            ResultRecorder recorder = new ResultRecorder(store, metrics, entry -> { });
            // The upload after the one whose message died (sequencer 01) finished first.
            recorder.record(TestResults.recognised("twice.mp4", "floki", "history", "junior")
                    .withVideo("twice.mp4", "e-newer").withSequencer("02"));
            sqs.sendMessage(r -> r.queueUrl(dlqUrl).messageBody(s3Event("twice.mp4")));
            spawn("dead-letters", new DeadLetterWatcher(RelayQueue.open(sqs, poller, calls, "older-dlq"), 3, recorder,
                    metrics, running::get, 1));
            waitFor(() -> count(dlqUrl) == 0, 30);
            assertThat(count(dlqUrl)).isZero();
            assertThat(store.latestFor("twice.mp4").orElseThrow().result().etag()).isEqualTo("e-newer");
            assertThat(results.resolve("twice.txt")).hasContent("floki,history,junior");
        }
        // The dead letter is on record all the same, with its upload's order.
        assertThat(Files.readAllLines(results.resolve(ResultStore.LOG_FILE))).hasSize(2)
                .last().asString().contains("\"status\":\"error\"").contains("\"sequencer\":\"01\"");
    }

    int count(String url) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }


    /** An input queue with a dead-letter queue (maxReceiveCount 2) and a 1 s visibility timeout. */
    RelayQueue.Redrive inputWithDeadLetters(String name) {
        String dlqUrl = createQueue(name + "-dlq", Map.of());
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        createQueue(name, Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1", QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"));
        return new RelayQueue.Redrive(name + "-dlq", 2);
    }

    /** Waits for a condition of the loops under test, polling as a client would; fails when it never holds. */
    static void waitFor(java.util.concurrent.Callable<Boolean> done, int seconds) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(seconds))
                .pollInterval(java.time.Duration.ofMillis(100)).until(done);
    }

    @Test
    void aBatchThatCrashesAsAWholeIsRetriedOneByOneSoOnlyThePoisonClipIsDeadLettered() throws Exception {
        RelayQueue.Redrive redrive = inputWithDeadLetters("crashy");
        String inputUrl = sqs.getQueueUrl(r -> r.queueName("crashy")).queueUrl();
        String outputUrl = createQueue("crashy-out", Map.of());
        ServiceCalls calls = new ServiceCalls("SQS", Backoff.DEFAULT, running::get);
        RelayMetrics metrics = new RelayMetrics();
        TestFunction goodFunction = new TestFunction(outputUrl);
        // A function that dies (an unhandled error: no partial batch response) on any batch holding the poison clip.
        FunctionInvoker crashing = event -> {
            if (event.contains("crash.mp4")) {
                return new FunctionInvoker.FunctionReply("Unhandled", "{\"errorMessage\":\"segfault in the decoder\"}");
            }
            return goodFunction.invoke(event);
        };
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            keys.add("good_" + i + ".mp4");
        }
        keys.add(4, "crash.mp4");
        for (String key : keys) {
            sqs.sendMessage(r -> r.queueUrl(inputUrl).messageBody(s3Event(key)));
        }
        try (ResultStore store = ResultStore.open(results)) {
            ResultRecorder recorder = new ResultRecorder(store, metrics, entry -> { });
            spawn("intake", new InputPump(RelayQueue.open(sqs, poller, calls, "crashy"), crashing, invocations, timers,
                    1, metrics, running::get, new InputPump.Settings(10, 1, "us-east-1")));
            spawn("outcome", new OutputPump(RelayQueue.open(sqs, poller, calls, "crashy-out"), recorder, running::get, 1));
            spawn("dead-letters", new DeadLetterWatcher(RelayQueue.open(sqs, poller, calls, redrive.deadLetterQueue()),
                    redrive.maxReceiveCount(), recorder, metrics, running::get, 1));
            waitFor(() -> store.latest().size() == 10 && count(inputUrl) == 0, 60);

            assertThat(store.latest()).hasSize(10);
            for (String key : keys) {
                VideoResult result = store.latestFor(key).orElseThrow().result();
                assertThat(result.status()).as(key)
                        .isEqualTo(key.equals("crash.mp4") ? ResultStatus.ERROR : ResultStatus.RECOGNISED);
            }
            assertThat(metrics.scrape()).contains("relay_messages_dead_lettered_total 1.0");
        }
    }

    @Test
    void invocationRetriesAreBoundedSoAnUnreachableFunctionsMessagesReachTheDeadLetterQueue() throws Exception {
        RelayQueue.Redrive redrive = inputWithDeadLetters("unreachable");
        String inputUrl = sqs.getQueueUrl(r -> r.queueName("unreachable")).queueUrl();
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ClassroomConfig nowhere = new ConfigLoader(Map.of(), results.resolve("none.properties")).load(Map.of())
                .withEndpoint(URI.create("http://127.0.0.1:" + closedPort));
        ServiceCalls sqsCalls = new ServiceCalls("SQS", Backoff.DEFAULT, running::get);
        ServiceCalls lambdaCalls = ServiceCalls.bounded("Lambda", new Backoff(java.time.Duration.ofMillis(50),
                java.time.Duration.ofMillis(200)), running::get, 2);
        RelayMetrics metrics = new RelayMetrics();
        try (var lambda = new AwsClients(nowhere).lambda(); ResultStore store = ResultStore.open(results)) {
            ResultRecorder recorder = new ResultRecorder(store, metrics, entry -> { });
            sqs.sendMessage(r -> r.queueUrl(inputUrl).messageBody(s3Event("stuck.mp4")));
            spawn("intake", new InputPump(RelayQueue.open(sqs, poller, sqsCalls, "unreachable"),
                    new LambdaInvoker(lambda, lambdaCalls, "classroom-function"), invocations, timers, 1, metrics,
                    running::get, new InputPump.Settings(10, 1, "us-east-1")));
            spawn("dead-letters", new DeadLetterWatcher(RelayQueue.open(sqs, poller, sqsCalls,
                    redrive.deadLetterQueue()), redrive.maxReceiveCount(), recorder, metrics, running::get, 1));
            waitFor(() -> store.latestFor("stuck.mp4").isPresent(), 60);

            VideoResult stuck = store.latestFor("stuck.mp4").orElseThrow().result();
            assertThat(stuck.status()).isEqualTo(ResultStatus.ERROR);
            assertThat(stuck.reason()).isEqualTo("gave up after 2 attempts");
            assertThat(count(inputUrl)).isZero();
        }
    }
}
