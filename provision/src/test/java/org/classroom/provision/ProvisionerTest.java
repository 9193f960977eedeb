package org.classroom.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.classroom.localcloud.TestConfigs;
import org.classroom.localcloud.LocalCloudOptions;
import org.classroom.localcloud.LocalCloud;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.SampleData;
import org.classroom.common.format.Json;
import org.classroom.common.model.Student;
import org.classroom.common.students.StudentFile;
import org.classroom.common.students.StudentTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Provisioning against the local cloud, with the course's students and gallery. */
class ProvisionerTest {

    private static LocalCloud cloud;
    private static AwsClients clients;
    private static Path samples;

    @BeforeAll
    static void startCloud() {
        samples = SampleData.find().orElse(null);
        Assumptions.assumeTrue(samples != null, SampleData.missingMessage());
        cloud = LocalCloud.start(LocalCloudOptions.ephemeral());
        clients = new AwsClients(cloud.config(TestConfigs.defaults()));
    }

    @AfterAll
    static void stopCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void provisioningTwiceChangesNothingTheSecondTimeAndLoadsTheCourseStudents() {
        Provisioner provisioner = new Provisioner(clients);
        ProvisionRequest request = ProvisionRequest.fromSampleFolder(samples);

        ProvisionReport first = provisioner.provision(request);
        ProvisionReport second = provisioner.provision(request);

        assertThat(first.changedAnything()).isTrue();
        assertThat(second.changedAnything()).as(second.toString()).isFalse();
        assertThat(second.lines()).extracting(ProvisionReport.Line::change)
                .allMatch(change -> change == ProvisionReport.Change.UNCHANGED || change == ProvisionReport.Change.NOT_SUPPORTED);
        assertThat(second.toString()).contains("bucket classroom-input: nothing to do", "table classroom-students: nothing to do");

        StudentTable table = new StudentTable(clients.dynamoDb(), clients.config().table());
        List<Student> expected = StudentFile.read(samples.resolve("student_data.json"));
        assertThat(table.list()).filteredOn(Student::hasRecord).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).hasSize(8);
        Map<String, List<double[]>> gallery = table.gallery();
        assertThat(gallery).hasSize(11);
        assertThat(table.list()).filteredOn(student -> !student.hasRecord()).hasSize(gallery.size() - (int) expected.stream()
                .filter(student -> gallery.containsKey(student.name())).count());
    }

    @Test
    void theQueuesHaveDeadLetterQueuesAndTheInputBucketAnnouncesEveryUpload() throws Exception {
        new Provisioner(clients).provision(ProvisionRequest.resourcesOnly());
        ClassroomConfig config = clients.config();
        try (SqsClient sqs = clients.sqs(); S3Client s3 = clients.s3()) {
            String inputUrl = sqs.getQueueUrl(r -> r.queueName(config.inputQueue())).queueUrl();
            Map<String, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(inputUrl)
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
            JsonNode redrive = Json.mapper().readTree(attributes.get("RedrivePolicy"));
            String dlqUrl = sqs.getQueueUrl(r -> r.queueName(config.inputQueue() + "-dlq")).queueUrl();
            String outputDlqUrl = sqs.getQueueUrl(r -> r.queueName(config.outputQueue() + "-dlq")).queueUrl();
            drain(sqs, inputUrl);

            for (String key : List.of("lecture.mp4", "enrol/ada/face.jpg", "notes.txt")) {
                s3.putObject(r -> r.bucket(config.inputBucket()).key(key), RequestBody.fromString(key));
            }
            List<String> announced = new ArrayList<>();
            for (String body : drain(sqs, inputUrl)) {
                announced.add(Json.mapper().readTree(body).path("Records").get(0).path("s3").path("object").path("key").asText());
            }

            assertThat(Integer.parseInt(attributes.get("VisibilityTimeout"))).isGreaterThan(300);
            assertThat(redrive.path("deadLetterTargetArn").asText()).endsWith(":" + config.inputQueue() + "-dlq");
            assertThat(redrive.path("maxReceiveCount").asInt()).isEqualTo(3);
            assertThat(dlqUrl).isNotBlank();
            assertThat(outputDlqUrl).isNotBlank();
            // Every upload is announced: what is not a clip still gets its one (invalid-video) result.
            assertThat(announced).containsExactlyInAnyOrder("lecture.mp4", "enrol/ada/face.jpg", "notes.txt");
        }
    }

    @Test
    void theEvidenceBucketIsEncryptedAndItsCropsExpire() {
        ProvisionReport report = new Provisioner(clients).provision(ProvisionRequest.resourcesOnly());
        ClassroomConfig config = clients.config();
        String bucket = config.evidenceBucket();
        try (S3Client s3 = clients.s3()) {
            s3.headBucket(r -> r.bucket(bucket));
            assertThat(report.lines()).extracting(ProvisionReport.Line::resource)
                    .contains("bucket " + bucket, "bucket " + bucket + " default encryption", "bucket " + bucket + " expiry");
            ProvisionReport.Line encryption = line(report, "bucket " + bucket + " default encryption");
            if (encryption.change() != ProvisionReport.Change.NOT_SUPPORTED) {
                assertThat(s3.getBucketEncryption(r -> r.bucket(bucket)).serverSideEncryptionConfiguration().rules())
                        .anySatisfy(rule -> assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithmAsString())
                                .isEqualTo("AES256"));
            }
            // The local cloud carries out lifecycle expiration: the rule is set, not reported as unsupported.
            assertThat(line(report, "bucket " + bucket + " expiry").change()).isNotEqualTo(ProvisionReport.Change.NOT_SUPPORTED);
            assertThat(report.toString()).contains("bucket " + bucket + " expiry: ");
            assertThat(s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules())
                    .anySatisfy(rule -> {
                        assertThat(rule.id()).isEqualTo(Buckets.EXPIRY_RULE);
                        assertThat(rule.filter().prefix()).isEmpty();
                        assertThat(rule.expiration().days()).isEqualTo(config.evidenceDays());
                    });
            ProvisionReport again = new Provisioner(clients).provision(ProvisionRequest.resourcesOnly());
            assertThat(line(again, "bucket " + bucket + " expiry").change()).isEqualTo(ProvisionReport.Change.UNCHANGED);
        }
    }

    private static ProvisionReport.Line line(ProvisionReport report, String resource) {
        return report.lines().stream().filter(line -> line.resource().equals(resource)).findFirst().orElseThrow();
    }

    private static List<String> drain(SqsClient sqs, String url) {
        List<String> bodies = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            if (messages.isEmpty()) {
                return bodies;
            }
            for (Message message : messages) {
                bodies.add(message.body());
                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
    }
}
