package org.classroom.system.corrections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.format.EnrolmentKeys;
import org.classroom.common.format.FaceReference;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.Student;
import org.classroom.common.students.EnrolledFaces;
import org.classroom.common.students.FaceRejection;
import org.classroom.common.students.FaceRejections;
import org.classroom.common.students.StudentTable;
import org.classroom.desktop.logic.corrections.CloudCorrections;
import org.classroom.localcloud.LocalCloud;
import org.classroom.localcloud.LocalCloudOptions;
import org.classroom.provision.ProvisionRequest;
import org.classroom.provision.Provisioner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** The corrections kept in the account (on the students' rows, and through the input bucket), against the local cloud. */
class CorrectionStoresTest {

    private static LocalCloud cloud;
    private static AwsClients clients;
    private static StudentTable table;
    private static EnrolledFaces enrolledFaces;
    private static FaceRejections rejections;
    private static ClassroomConfig config;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloudOptions.ephemeral());
        config = cloud.config(ConfigLoader.forCurrentUser().load(Map.of()));
        clients = new AwsClients(config);
        new Provisioner(clients).provision(ProvisionRequest.resourcesOnly());
        table = new StudentTable(clients.dynamoDb(), config.table());
        enrolledFaces = new EnrolledFaces(clients.dynamoDb(), config.table());
        rejections = new FaceRejections(clients.dynamoDb(), config.table());
    }

    @AfterAll
    static void stop() {
        clients.close();
        cloud.close();
    }

    @Test
    void theUndoOfAnEnrolmentTakesOutThatEncodingAndLeavesTheOthers() {
        table.putRecord(new Student("floki", 4, "history", "junior"));
        double[] first = encoding(0.1);
        double[] corrected = encoding(0.2);
        double[] later = encoding(0.3);
        table.addEncoding("floki", first);
        table.addEncoding("floki", corrected);
        enrolledFaces.record("floki", "request-1", corrected);
        table.addEncoding("floki", later);

        assertThat(enrolledFaces.remove("floki", "request-1")).isTrue();

        assertThat(table.gallery().get("floki")).containsExactly(first, later);
        assertThat(table.get("floki")).contains(new Student("floki", 4, "history", "junior"));
        assertThat(enrolledFaces.remove("floki", "request-1")).as("undone already").isFalse();
        assertThat(enrolledFaces.remove("nobody", "request-1")).isFalse();
    }

    @Test
    void rejectionsAreAddedReadAndRemovedOneByOne() {
        table.putRecord(new Student("president_trump", 5, "physics", "junior"));
        table.addEncoding("president_trump", encoding(0.5));
        FaceRejection one = new FaceRejection("r1", "president_trump", "test_0.mp4", 0.0, new FaceBox(1, 2, 3, 4));
        FaceRejection two = new FaceRejection("r2", "president_trump", "test_9.mp4", 1.5, new FaceBox(5, 6, 7, 8));

        rejections.add(one);
        rejections.add(two);
        assertThat(rejections.all()).containsExactlyInAnyOrder(one, two);

        rejections.remove("president_trump", "r1");
        assertThat(rejections.all()).containsExactly(two);
        assertThat(table.gallery().get("president_trump")).hasSize(1);
        rejections.remove("president_trump", "r2");
        assertThat(rejections.all()).isEmpty();
        rejections.remove("gone_student", "r3");
    }

    @Test
    void aFaceIsSentAsAReferenceToTheVersionOfTheVideoAndAClipIsMatchedAgainByACopyOfItself() throws Exception {
        String etag = clients.s3().putObject(request -> request.bucket(config.inputBucket()).key("test_5.mp4")
                .contentType("video/mp4"), RequestBody.fromBytes(new byte[] {1, 2, 3})).eTag();
        CloudCorrections corrections = new CloudCorrections(clients.s3(), config.inputBucket(), rejections,
                enrolledFaces, () -> { });

        String key = corrections.enrolFace("new_boy", "test_5.mp4", null, 0.5, new FaceBox(1, 2, 3, 4));
        FaceReference sent = FaceReference.fromJson(clients.s3().getObjectAsBytes(request -> request
                .bucket(config.inputBucket()).key(key)).asByteArray());
        assertThat(key).startsWith("enrol/new_boy/").endsWith(EnrolmentKeys.FACE_SUFFIX);
        assertThat(sent).isEqualTo(new FaceReference(EnrolmentKeys.faceRequest(key), "test_5.mp4", etag, 0.5,
                new FaceBox(1, 2, 3, 4)));

        corrections.matchAgain("test_5.mp4");
        HeadObjectResponse copied = clients.s3().headObject(request -> request.bucket(config.inputBucket())
                .key("test_5.mp4"));
        assertThat(copied.eTag()).as("the same bytes").isEqualTo(etag);
        assertThat(copied.contentType()).isEqualTo("video/mp4");
        assertThat(copied.metadata()).containsKey("matched-again");

        assertThatThrownBy(() -> corrections.matchAgain("gone.mp4"))
                .hasMessage("gone.mp4 is no longer in s3://" + config.inputBucket() + "; upload it again");
        assertThatThrownBy(() -> corrections.enrolFace("new_boy", "gone.mp4", null, 0, new FaceBox(1, 2, 3, 4)))
                .hasMessageStartingWith("gone.mp4 is no longer in s3://");
    }

    private static double[] encoding(double value) {
        double[] encoding = new double[StudentTable.ENCODING_LENGTH];
        Arrays.fill(encoding, value);
        return encoding;
    }
}
