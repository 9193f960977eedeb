package org.classroom.system.desktop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.format.Json;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import org.classroom.common.results.ResultsTable;
import org.classroom.common.students.StudentTable;
import org.classroom.localcloud.LocalCloud;
import org.classroom.localcloud.LocalCloudOptions;
import org.classroom.relay.Relay;
import org.classroom.relay.RelayOptions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the desktop meets in the demo: the local cloud with the buckets, queues and student table, and
 * the relay (its results API on an ephemeral port, restartable on the same port). No function runs:
 * results are published the way the function does, as VideoResult JSON on the output queue.
 */
final class DesktopCloud implements AutoCloseable {

    static final String TOKEN = "desktop-system-test";

    final LocalCloud cloud;
    final ClassroomConfig config;
    final S3Client s3;
    final SqsClient sqs;
    final DynamoDbClient dynamoDb;
    final String outputQueueUrl;
    private final Path resultsDir;
    private Relay relay;
    private int relayPort;

    DesktopCloud(Path resultsDir, List<Student> students) throws IOException {
        this.resultsDir = resultsDir;
        cloud = LocalCloud.start(LocalCloudOptions.ephemeral());
        config = cloud.config(new ConfigLoader(Map.of(), Path.of("/nonexistent/classroom.properties")).load(Map.of()))
                .withResultsDir(resultsDir);
        AwsClients clients = new AwsClients(config);
        s3 = clients.s3();
        sqs = clients.sqs();
        dynamoDb = clients.dynamoDb();
        s3.createBucket(r -> r.bucket(config.inputBucket()));
        s3.createBucket(r -> r.bucket(config.outputBucket()));
        sqs.createQueue(r -> r.queueName(config.inputQueue() + "-dlq"));
        sqs.createQueue(r -> r.queueName(config.inputQueue()));
        outputQueueUrl = sqs.createQueue(r -> r.queueName(config.outputQueue())).queueUrl();
        dynamoDb.createTable(r -> r.tableName(config.table())
                .keySchema(KeySchemaElement.builder().attributeName(StudentTable.NAME).keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName(StudentTable.NAME)
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        dynamoDb.createTable(r -> r.tableName(config.resultsTable())
                .keySchema(KeySchemaElement.builder().attributeName(ResultsTable.VIDEO).keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName(ResultsTable.VIDEO)
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        StudentTable table = new StudentTable(dynamoDb, config.table());
        students.forEach(table::putRecord);
        startRelay(0);
    }

    void startRelay(int port) throws IOException {
        relay = Relay.start(config, RelayOptions.defaults().withHost("127.0.0.1").withPort(port).withToken(TOKEN)
                .withResultsDir(resultsDir));
        relayPort = relay.port();
    }

    void stopRelay() {
        relay.close();
        relay = null;
    }

    void restartRelay() throws IOException {
        startRelay(relayPort);
    }

    java.net.URI relayUrl() {
        return java.net.URI.create("http://127.0.0.1:" + relayPort);
    }

    /** Sends a result to the output queue, as the function does when it finishes a video. */
    void publish(VideoResult result) {
        sqs.sendMessage(r -> r.queueUrl(outputQueueUrl).messageBody(Json.write(result)));
    }

    List<S3Object> inputObjects() {
        return s3.listObjectsV2Paginator(r -> r.bucket(config.inputBucket())).contents().stream().toList();
    }

    @Override
    public void close() {
        if (relay != null) {
            relay.close();
        }
        s3.close();
        sqs.close();
        dynamoDb.close();
        cloud.close();
    }
}
