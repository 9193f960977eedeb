package org.classroom.system.relay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.localcloud.LocalCloud;
import org.classroom.localcloud.LocalCloudOptions;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A local cloud set up the way the relay meets it: input and output buckets, the input queue with a
 * dead-letter queue (maxReceiveCount 2), the output queue, S3 notifications from the input bucket to
 * the input queue, and the {@link ClipMatchingFunction} registered under the function's name.
 */
final class RelayCloud implements AutoCloseable {

    static final int MAX_RECEIVE_COUNT = 2;
    static final int VISIBILITY_SECONDS = 5;

    final LocalCloud cloud;
    final ClassroomConfig config;
    final S3Client s3;
    final SqsClient sqs;
    final ClipMatchingFunction function;
    final String inputQueueUrl;
    final String deadLetterQueueUrl;
    final String outputQueueUrl;

    RelayCloud(Path samples, Set<String> poison) {
        cloud = LocalCloud.start(LocalCloudOptions.ephemeral());
        config = cloud.config(new ConfigLoader(Map.of(), Path.of("/nonexistent/classroom.properties")).load(Map.of()));
        AwsClients clients = new AwsClients(config);
        s3 = clients.s3();
        sqs = clients.sqs();
        s3.createBucket(r -> r.bucket(config.inputBucket()));
        s3.createBucket(r -> r.bucket(config.outputBucket()));
        deadLetterQueueUrl = sqs.createQueue(r -> r.queueName(config.inputQueue() + "-dlq")).queueUrl();
        String dlqArn = arn(deadLetterQueueUrl);
        inputQueueUrl = sqs.createQueue(r -> r.queueName(config.inputQueue()).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(VISIBILITY_SECONDS),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                        + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}"))).queueUrl();
        outputQueueUrl = sqs.createQueue(r -> r.queueName(config.outputQueue())).queueUrl();
        String inputArn = arn(inputQueueUrl);
        s3.putBucketNotificationConfiguration(r -> r.bucket(config.inputBucket()).notificationConfiguration(n -> n
                .queueConfigurations(QueueConfiguration.builder().queueArn(inputArn)
                        .events(Event.S3_OBJECT_CREATED).build())));
        function = new ClipMatchingFunction(config, clients.s3(), clients.sqs(),
                CourseLoad.studentsByClipHash(samples), poison);
        cloud.registerFunction(config.function(), function, Duration.ofMinutes(2));
    }

    private String arn(String queueUrl) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** Uploads the clips to the input bucket, four at a time, as a desktop would. */
    void upload(List<CourseLoad.Upload> uploads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (CourseLoad.Upload upload : uploads) {
                done.add(pool.submit(() -> s3.putObject(r -> r.bucket(config.inputBucket()).key(upload.key()),
                        RequestBody.fromFile(upload.clip()))));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Messages on a queue, visible or in flight. */
    int messages(String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    boolean queuesEmpty() {
        return messages(inputQueueUrl) == 0 && messages(outputQueueUrl) == 0 && messages(deadLetterQueueUrl) == 0;
    }

    @Override
    public void close() {
        s3.close();
        sqs.close();
        cloud.close();
    }
}
