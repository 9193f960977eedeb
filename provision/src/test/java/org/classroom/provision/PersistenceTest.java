package org.classroom.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.classroom.localcloud.TestConfigs;
import org.classroom.localcloud.LocalCloudOptions;
import org.classroom.localcloud.LocalCloud;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.model.Student;
import org.classroom.common.students.StudentTable;
import org.classroom.common.config.ClassroomConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A local cloud restarted on the same data folder finds its objects, queues, messages, notifications and rows. */
class PersistenceTest {

    @Test
    void aRestartOnTheSameDataFolderKeepsObjectsQueuesMessagesNotificationsAndRows(@TempDir Path data) {
        List<Student> students = List.of(new Student("ada", 1, "maths", "senior"), new Student("alan", 2, "logic", "junior"));
        try (LocalCloud first = LocalCloud.start(LocalCloudOptions.ephemeral().withDataDir(data))) {
            AwsClients clients = new AwsClients(first.config(TestConfigs.defaults()));
            new Provisioner(clients).provision(ProvisionRequest.of(students, Map.of()));
            try (S3Client s3 = clients.s3(); SqsClient sqs = clients.sqs()) {
                s3.putObject(r -> r.bucket(clients.config().outputBucket()).key("test_0"), RequestBody.fromString("ada,maths,senior"));
                String outputUrl = sqs.getQueueUrl(r -> r.queueName(clients.config().outputQueue())).queueUrl();
                sqs.sendMessage(r -> r.queueUrl(outputUrl).messageBody("a result waiting for the relay"));
                // Provisioning's s3:TestEvent would be kept too; a deleted message must stay deleted after the restart.
                String inputUrl = sqs.getQueueUrl(r -> r.queueName(clients.config().inputQueue())).queueUrl();
                for (Message message : sqs.receiveMessage(r -> r.queueUrl(inputUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                    sqs.deleteMessage(r -> r.queueUrl(inputUrl).receiptHandle(message.receiptHandle()));
                }
            }
        }

        try (LocalCloud second = LocalCloud.start(LocalCloudOptions.ephemeral().withDataDir(data))) {
            AwsClients clients = new AwsClients(second.config(TestConfigs.defaults()));
            ClassroomConfig config = clients.config();
            try (S3Client s3 = clients.s3(); SqsClient sqs = clients.sqs()) {
                String result = s3.getObjectAsBytes(r -> r.bucket(config.outputBucket()).key("test_0")).asUtf8String();
                String inputUrl = sqs.getQueueUrl(r -> r.queueName(config.inputQueue())).queueUrl();
                Map<String, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(inputUrl)
                        .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
                s3.putObject(r -> r.bucket(config.inputBucket()).key("after-restart.mp4"), RequestBody.fromString("clip"));
                List<Message> events = sqs.receiveMessage(r -> r.queueUrl(inputUrl).waitTimeSeconds(2)).messages();
                String outputUrl = sqs.getQueueUrl(r -> r.queueName(config.outputQueue())).queueUrl();
                List<Message> waiting = sqs.receiveMessage(r -> r.queueUrl(outputUrl).waitTimeSeconds(2)).messages();

                assertThat(result).isEqualTo("ada,maths,senior");
                assertThat(attributes.get("RedrivePolicy")).contains(config.inputQueue() + "-dlq");
                assertThat(attributes.get("VisibilityTimeout")).isEqualTo("360");
                assertThat(events).hasSize(1);
                assertThat(events.get(0).body()).contains("after-restart.mp4", "ObjectCreated:Put");
                assertThat(waiting).extracting(Message::body).containsExactly("a result waiting for the relay");
            }
            assertThat(new StudentTable(clients.dynamoDb(), config.table()).list()).containsExactlyInAnyOrderElementsOf(students);
            assertThat(new Provisioner(clients).provision(ProvisionRequest.of(students, Map.of())).changedAnything()).isFalse();
        }
    }
}
