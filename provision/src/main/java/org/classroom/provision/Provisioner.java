package org.classroom.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.results.ResultsTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Creates what the system needs, in one idempotent step, against the local cloud or a real account:
 * the input and output buckets, the evidence bucket (face crops, expiring after {@code evidence.days}), the input and output queues (each with a dead-letter queue), the
 * input bucket's notification to the input queue, the student table with its rows and the gallery,
 * and the results table.
 * What exists and is right is left alone and reported as "nothing to do".
 *
 * <p>Buckets, queues and the table do not depend on each other, so they are made at the same time;
 * the notification, which needs a bucket and a queue, comes last. The report keeps a fixed order.
 */
public final class Provisioner {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);
    /** Output messages are written to a file by the relay: a minute hides one long enough. */
    static final int OUTPUT_VISIBILITY_SECONDS = 60;

    private final AwsClients clients;

    public Provisioner(AwsClients clients) {
        this.clients = clients;
    }

    /**
     * @throws ProvisionException when a step fails; its report lists what was done before
     */
    public ProvisionReport provision(ProvisionRequest request) {
        ClassroomConfig config = clients.config();
        ProvisionReport bucketLines = new ProvisionReport();
        ProvisionReport queueLines = new ProvisionReport();
        ProvisionReport tableLines = new ProvisionReport();
        ProvisionReport notificationLines = new ProvisionReport();
        ExecutorService workers = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "provision");
            thread.setDaemon(true);
            return thread;
        });
        try (S3Client s3 = clients.s3(); SqsClient sqs = clients.sqs(); DynamoDbClient dynamoDb = clients.dynamoDb()) {
            CompletableFuture<Void> buckets = CompletableFuture.runAsync(timed("buckets", () -> {
                Buckets maker = new Buckets(s3, config.region(), bucketLines);
                maker.ensure(config.inputBucket());
                maker.ensure(config.outputBucket());
                maker.ensureExpiring(config.evidenceBucket(), config.evidenceDays());
            }), workers);
            CompletableFuture<String> queues = CompletableFuture.supplyAsync(timed("queues", () -> {
                Queues maker = new Queues(sqs, queueLines);
                // A message must stay hidden while the function works on it, plus a margin for the call itself.
                int inputVisibility = (int) request.functionTimeout().toSeconds() + 60;
                String inputArn = maker.ensure(config.inputQueue(), inputVisibility, "arn:aws:s3:::" + config.inputBucket());
                maker.ensure(config.outputQueue(), OUTPUT_VISIBILITY_SECONDS, null);
                return inputArn;
            }), workers);
            CompletableFuture<Void> table = CompletableFuture.runAsync(timed("table", () -> {
                StudentData students = new StudentData(dynamoDb, tableLines);
                students.ensureTable(config.table());
                new Tables(dynamoDb, tableLines).ensure(config.resultsTable(), ResultsTable.VIDEO, "results.table");
                if (request.students() != null) {
                    students.ensureStudents(config.table(), request.students());
                }
                if (request.gallery() != null) {
                    students.ensureGallery(config.table(), request.gallery());
                }
            }), workers);
            CompletableFuture.allOf(buckets, queues, table).exceptionally(error -> null).join();
            List<Throwable> failures = new ArrayList<>();
            for (CompletableFuture<?> step : List.of(buckets, queues, table)) {
                if (step.isCompletedExceptionally()) {
                    failures.add(cause(step));
                }
            }
            if (failures.isEmpty()) {
                timed("notification", () -> new BucketNotifications(s3, notificationLines)
                        .ensure(config.inputBucket(), queues.join())).run();
                return ProvisionReport.concat(bucketLines, queueLines, notificationLines, tableLines);
            }
            throw failure(failures.get(0), ProvisionReport.concat(bucketLines, queueLines, notificationLines, tableLines));
        } catch (SdkException | IllegalStateException e) {
            throw failure(e, ProvisionReport.concat(bucketLines, queueLines, notificationLines, tableLines));
        } finally {
            workers.shutdownNow();
        }
    }

    private static ProvisionException failure(Throwable error, ProvisionReport done) {
        if (error instanceof ProvisionException already) {
            return already;
        }
        if (error instanceof RuntimeException && !(error instanceof SdkException) && !(error instanceof IllegalStateException)) {
            throw (RuntimeException) error;
        }
        return new ProvisionException("provisioning stopped: " + oneLine(error.getMessage()), done, error);
    }

    private static Throwable cause(CompletableFuture<?> step) {
        try {
            step.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    private static Runnable timed(String step, Runnable action) {
        return () -> {
            long started = System.nanoTime();
            action.run();
            LOG.debug("provisioning {} took {} ms", step, (System.nanoTime() - started) / 1_000_000);
        };
    }

    private static <T> Supplier<T> timed(String step, Supplier<T> action) {
        return () -> {
            long started = System.nanoTime();
            T result = action.get();
            LOG.debug("provisioning {} took {} ms", step, (System.nanoTime() - started) / 1_000_000);
            return result;
        };
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
