package org.classroom.localcloud;

import org.classroom.localcloud.edge.Service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.InetAddress;
import java.util.Map;
import org.classroom.common.aws.AwsClients;
import org.classroom.localcloud.edge.EdgeServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class LocalCloudTest {

    private static LocalCloud cloud;
    private static AwsClients clients;

    @BeforeAll
    static void startCloud() {
        cloud = LocalCloud.start(LocalCloudOptions.ephemeral());
        clients = new AwsClients(cloud.config(TestConfigs.defaults()));
    }

    @AfterAll
    static void stopCloud() {
        cloud.close();
    }

    @Test
    void s3ThroughTheEdgeStoresAndReturnsObjects() {
        try (S3Client s3 = clients.s3()) {
            s3.createBucket(request -> request.bucket("edge-s3"));
            s3.putObject(request -> request.bucket("edge-s3").key("folder/hello.txt"), RequestBody.fromString("hello edge"));

            String text = s3.getObjectAsBytes(request -> request.bucket("edge-s3").key("folder/hello.txt")).asUtf8String();
            long size = s3.headObject(request -> request.bucket("edge-s3").key("folder/hello.txt")).contentLength();

            assertThat(text).isEqualTo("hello edge");
            assertThat(size).isEqualTo(10);
            assertThat(s3.listObjectsV2(request -> request.bucket("edge-s3")).contents())
                    .extracting(object -> object.key()).containsExactly("folder/hello.txt");
        }
    }

    @Test
    void sqsQueueUrlsNameTheEdgeAndMessagesRoundTrip() {
        try (SqsClient sqs = clients.sqs()) {
            String url = sqs.createQueue(request -> request.queueName("edge-queue")).queueUrl();
            sqs.sendMessage(request -> request.queueUrl(url).messageBody("ping"));
            java.util.List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(url).waitTimeSeconds(2)).messages();

            assertThat(url).startsWith(cloud.endpoint().toString() + "/");
            assertThat(messages).extracting(Message::body).containsExactly("ping");
        }
    }

    @Test
    void dynamoDbThroughTheEdgeStoresItems() {
        try (DynamoDbClient dynamo = clients.dynamoDb()) {
            dynamo.createTable(request -> request.tableName("edge-table")
                    .keySchema(k -> k.attributeName("name").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("name").attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            dynamo.putItem(request -> request.tableName("edge-table")
                    .item(Map.of("name", AttributeValue.fromS("ada"), "year", AttributeValue.fromS("senior"))));

            Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName("edge-table")
                    .key(Map.of("name", AttributeValue.fromS("ada")))).item();

            assertThat(item.get("year").s()).isEqualTo("senior");
        }
    }

    @Test
    void aStoppedServiceAnswersServiceUnavailable() {
        cloud.stop(Service.S3);
        try (S3Client s3 = clients.s3()) {
            assertThatThrownBy(() -> s3.listBuckets())
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(503));
        } finally {
            cloud.start(Service.S3);
        }
        try (S3Client s3 = clients.s3()) {
            assertThat(s3.listBuckets().buckets()).isNotNull();
        }
    }

    @Test
    void aPortInUseIsRefusedWithAMessageNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalCloud.start(LocalCloudOptions.ephemeral().withPort(taken.getLocalPort())))
                    .isInstanceOf(EdgeServer.PortInUseException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("--port");
        }
    }
}
