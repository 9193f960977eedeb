package org.classroom.system.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.format.FilmstripIndex;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.FrameBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.face.evidence.BestFrame;
import org.classroom.face.evidence.FaceCrop;
import org.classroom.face.evidence.Filmstrip;
import org.classroom.function.process.EvidenceBucket;
import org.classroom.function.runtime.Retrier;
import org.classroom.localcloud.LocalCloud;
import org.classroom.localcloud.LocalCloudOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The function's evidence bucket against the local S3. The stand-in keeps no encryption setting per object,
 * so the requests themselves are read on their way out to see that each crop is put with SSE-S3.
 */
class EvidenceBucketTest {

    private static final FaceBox BOX = new FaceBox(10, 20, 80, 80);

    private static LocalCloud cloud;
    private static ClassroomConfig config;
    private static S3Client s3;
    private static final Map<String, String> encryptionByKey = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloudOptions.ephemeral());
        config = cloud.config(new ConfigLoader(Map.of(), Path.of("/nonexistent/classroom.properties")).load(Map.of()));
        AwsClients clients = new AwsClients(config);
        s3 = S3Client.builder().region(Region.of(config.region()))
                .credentialsProvider(clients.credentials()).endpointOverride(config.endpoint()).forcePathStyle(true)
                .overrideConfiguration(override -> override.addExecutionInterceptor(new EncryptionHeaders()))
                .build();
        s3.createBucket(request -> request.bucket(config.evidenceBucket()));
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void eachCropIsPutEncryptedUnderItsPersonAndNamedInTheResult() {
        VideoResult result = new VideoResult("week 1/lecture.mp4", ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson("ada", 1, "cs", "senior", 0.3, BOX, 1.5)), 3, 2, null, "\"e4af78\"",
                Map.of(), Instant.now(), List.of(new UnknownPerson(BOX, 2.0, List.of()), new UnknownPerson(BOX, 3.0, List.of())));
        List<FaceCrop> crops = List.of(new FaceCrop("ada", new byte[] {1}, BOX, 1.5),
                new FaceCrop("unknown-2", new byte[] {2}, BOX, 3.0));

        VideoResult kept = new EvidenceBucket(s3, config.evidenceBucket(), new Retrier(1, Duration.ZERO)).keep(result, crops);

        String ada = "crops/week 1/lecture.mp4/e4af78/ada.jpg";
        String second = "crops/week 1/lecture.mp4/e4af78/unknown-2.jpg";
        assertThat(kept.people()).extracting(RecognisedPerson::crop).containsExactly(ada);
        // The first unknown person had no crop: only the second is named.
        assertThat(kept.unknownPeople()).extracting(UnknownPerson::crop).containsExactly(null, second);
        assertThat(s3.getObjectAsBytes(request -> request.bucket(config.evidenceBucket()).key(second)).asByteArray())
                .containsExactly(2);
        assertThat(encryptionByKey).containsEntry(ada, "AES256").containsEntry(second, "AES256");
    }

    @Test
    void aFrameSharedByTwoPeopleIsPutOnceEncryptedOthersInAFrameAreNamedAndTheFilmstripIsBesideIt() throws Exception {
        VideoResult result = new VideoResult("week 2/lecture.mp4", ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson("ada", 1, "cs", "senior", 0.3, BOX, 1.5)), 2, 1, null, "\"a1b2c3\"",
                Map.of(), Instant.now(), List.of(new UnknownPerson(BOX, 1.5, List.of())));
        byte[] picture = {(byte) 0xFF, (byte) 0xD8, 7};
        FaceBox adaLater = new FaceBox(300, 40, 90, 90);
        List<BestFrame> frames = List.of(new BestFrame("ada", 1500, 1920, 1080, picture,
                        List.of(new BestFrame.Face("unknown-1", BOX))),
                new BestFrame("unknown-1", 1500, 1920, 1080, picture, List.of(new BestFrame.Face("ada", BOX))),
                new BestFrame("bob", 9000, 1920, 1080, picture, List.of(new BestFrame.Face("ada", adaLater))));
        Filmstrip.Packed strip = new Filmstrip.Packed(new byte[] {1, 2, 3, 4, 5},
                new FilmstripIndex(List.of(new FilmstripIndex.Thumbnail(0, 0, 2), new FilmstripIndex.Thumbnail(1.5, 2, 3))));
        int putsBefore = encryptionByKey.size();

        VideoResult kept = new EvidenceBucket(s3, config.evidenceBucket(), new Retrier(1, Duration.ZERO))
                .keep(result, List.of(), frames, strip);

        String frame = "frames/week 2/lecture.mp4/a1b2c3/1500-1920x1080.jpg";
        assertThat(kept.people()).extracting(RecognisedPerson::frame).containsExactly(frame);
        assertThat(kept.unknownPeople()).extracting(UnknownPerson::frame).containsExactly(frame);
        // ada is also in bob's frame; the frame she shares with the stranger is her own, not "also"
        assertThat(kept.people().get(0).seenIn()).containsExactly(
                new FrameBox("frames/week 2/lecture.mp4/a1b2c3/9000-1920x1080.jpg", adaLater));
        assertThat(kept.unknownPeople().get(0).seenIn()).isEmpty();
        assertThat(read(frame)).containsExactly(picture);
        assertThat(read("frames/week 2/lecture.mp4/a1b2c3/strip.jpgs")).containsExactly(1, 2, 3, 4, 5);
        assertThat(FilmstripIndex.fromJson(read("frames/week 2/lecture.mp4/a1b2c3/strip.json"))).isEqualTo(strip.index());
        assertThat(encryptionByKey).containsEntry(frame, "AES256")
                .containsEntry("frames/week 2/lecture.mp4/a1b2c3/strip.jpgs", "AES256")
                .containsEntry("frames/week 2/lecture.mp4/a1b2c3/strip.json", "AES256");
        assertThat(encryptionByKey.size() - putsBefore).as("two frames, two filmstrip objects").isEqualTo(4);
    }

    private static byte[] read(String key) {
        return s3.getObjectAsBytes(request -> request.bucket(config.evidenceBucket()).key(key)).asByteArray();
    }

    /** Records the server-side encryption header of every object put. */
    private static final class EncryptionHeaders implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            SdkHttpRequest request = context.httpRequest();
            String path = request.encodedPath();
            int evidence = Math.max(path.indexOf("/crops/"), path.indexOf("/frames/"));
            if ("PUT".equals(request.method().name()) && evidence >= 0) {
                String key = URLDecoder.decode(path.substring(evidence + 1), StandardCharsets.UTF_8);
                encryptionByKey.put(key, request.firstMatchingHeader("x-amz-server-side-encryption").orElse("none"));
            }
        }
    }
}
