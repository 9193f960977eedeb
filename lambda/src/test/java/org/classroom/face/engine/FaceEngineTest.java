package org.classroom.face.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.bytedeco.opencv.opencv_core.Mat;
import org.classroom.face.FaceDetector;
import org.classroom.face.RecognisedVideo;
import org.classroom.face.VideoRecogniser.EnrolmentRefused;
import org.classroom.face.detect.SsdMobilenetDetector;
import org.classroom.face.encode.ResNetFaceEncoder;
import org.classroom.face.evidence.BestFrame;
import org.classroom.face.evidence.FaceCrop;
import org.classroom.face.evidence.FramePicture;
import org.classroom.face.evidence.FaceCropper;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.gallery.PickleGalleryReader;
import org.classroom.face.landmarks.LandmarkNet68;
import org.classroom.face.match.Distances;
import org.classroom.face.match.MatchPolicy;
import org.classroom.face.video.SteppingClock;
import org.classroom.face.video.TestClips;
import org.classroom.face.video.VideoLimits;
import org.classroom.face.weights.TfjsWeights;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole engine on the course's clips and gallery, and on clips made to break it. */
class FaceEngineTest {

    private static FaceEngine engine;
    private static Gallery gallery;
    private static FaceDetector detector;
    private static LandmarkNet68 landmarks;
    private static ResNetFaceEncoder encoder;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        Path samples = TestClips.courseClip("test_0.mp4").getParent().getParent();
        gallery = PickleGalleryReader.read(samples.resolve("encoding"));
        // The detector the engine makes by default.
        detector = SsdMobilenetDetector.fitted(TfjsWeights.load(SsdMobilenetDetector.MODEL),
                SsdMobilenetDetector.DEFAULT_INPUT_SIZE, EngineOptions.DEFAULT_MIN_SCORE);
        landmarks = LandmarkNet68.load();
        encoder = ResNetFaceEncoder.load();
        // Not closed itself: the networks are shared with other engines in these tests and closed below.
        engine = new FaceEngine(EngineOptions.defaults(), detector, landmarks, encoder);
    }

    @AfterAll
    static void close() {
        for (AutoCloseable network : new AutoCloseable[] {detector, landmarks, encoder}) {
            if (network != null) {
                try {
                    network.close();
                } catch (Exception ignored) {
                    // closing at the end of the tests
                }
            }
        }
    }

    static Stream<Arguments> expected() throws Exception {
        Path csv = TestClips.courseClip("test_0.mp4").getParent().getParent().resolve("expected.csv");
        return Files.readAllLines(csv).stream().skip(1).filter(line -> !line.isBlank())
                .map(line -> line.split(","))
                .map(fields -> Arguments.of(fields[0], fields[1]));
    }

    @ParameterizedTest(name = "{0} shows {1}")
    @MethodSource("expected")
    void namesTheExpectedStudentAndNoOneElse(String video, String student) {
        VideoResult result = engine.recognise(TestClips.courseClip(video), video, gallery);

        assertThat(result.video()).isEqualTo(video);
        assertThat(result.status()).isEqualTo(ResultStatus.RECOGNISED);
        assertThat(result.people()).extracting(RecognisedPerson::name).containsExactly(student);
        RecognisedPerson person = result.people().get(0);
        assertThat(person.distance()).isLessThan(0.6);
        assertThat(person.box().width()).isPositive();
        assertThat(person.frameSeconds()).isNotNull();
        assertThat(person.id()).as("the engine knows names only").isNull();
        assertThat(result.timingsMs()).containsKeys("open", "decode", "detect", "landmarks", "align", "encode",
                "match", "total");
    }

    @Test
    void doesNotNameTheBoyInTestFive() {
        VideoResult result = engine.recognise(TestClips.courseClip("test_5.mp4"), "test_5.mp4", gallery);
        assertThat(result.people()).extracting(RecognisedPerson::name).containsExactly("vin_diesel");
        assertThat(result.facesFound()).isGreaterThanOrEqualTo(2);
        assertThat(result.unknownFaces()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void keepsAFaceCropOfTheStudentAndOfTheBoyFromTheirBestViews() {
        RecognisedVideo found = engine.recogniseWithCrops(TestClips.courseClip("test_5.mp4"), "test_5.mp4", gallery);

        assertThat(found.crops()).extracting(FaceCrop::person).containsExactly("vin_diesel", "unknown-1");
        RecognisedPerson student = found.result().people().get(0);
        FaceCrop studentCrop = found.crops().get(0);
        assertThat(studentCrop.box()).as("the view the result names as best").isEqualTo(student.box());
        assertThat(studentCrop.frameSeconds()).isCloseTo(student.frameSeconds(), within(0.001));
        assertThat(found.crops().get(1).box()).isEqualTo(found.result().unknownPeople().get(0).box());
        for (FaceCrop crop : found.crops()) {
            try (Mat image = imdecode(new Mat(crop.jpeg()), IMREAD_COLOR)) {
                assertThat(image.empty()).as(crop.person() + " decodes").isFalse();
                assertThat(Math.max(image.cols(), image.rows())).isBetween(40, FaceCropper.MAX_SIDE);
            }
        }
        assertThat(found.result().timingsMs()).containsKey("crop");
    }

    @Test
    void keepsTheFrameOfEachBestViewDownscaledAndAFilmstripOfTheSamples() {
        RecognisedVideo found = engine.recogniseWithCrops(TestClips.courseClip("test_5.mp4"), "test_5.mp4", gallery);

        assertThat(found.frames()).extracting(BestFrame::person).containsExactly("vin_diesel", "unknown-1");
        BestFrame studentFrame = found.frames().get(0);
        assertThat(studentFrame.millis()).isEqualTo(Math.round(found.result().people().get(0).frameSeconds() * 1000));
        assertThat(found.frames().get(1).millis())
                .isEqualTo(Math.round(found.result().unknownPeople().get(0).frameSeconds() * 1000));
        for (BestFrame frame : found.frames()) {
            try (Mat image = imdecode(new Mat(frame.jpeg()), IMREAD_COLOR)) {
                assertThat(image.empty()).as(frame.person() + " decodes").isFalse();
                assertThat(Math.max(image.cols(), image.rows())).isLessThanOrEqualTo(FramePicture.MAX_SIDE);
                assertThat((double) image.cols() / image.rows())
                        .isCloseTo((double) frame.frameWidth() / frame.frameHeight(), within(0.01));
            }
        }
        assertThat(found.filmstrip().index().thumbnails()).isNotEmpty()
                .allSatisfy(thumbnail -> assertThat(thumbnail.length()).isPositive());
        assertThat(found.result().timingsMs()).containsKey("frames");
    }

    @Test
    void plainNearestNeighbourWouldNameTheBoyTheGatesAreWhatStopIt() {
        // SSD's boxes on every frame under a plain 0.6 nearest-neighbour rule: the boy becomes Trump.
        try (SsdMobilenetDetector ssd = new SsdMobilenetDetector(EngineOptions.DEFAULT_MIN_SCORE)) {
            FaceEngine plain = new FaceEngine(EngineOptions.defaults().withDetector(DetectorChoice.SSD)
                    .withMatch(MatchPolicy.defaults().plain()).withEarlyStop(false), ssd, landmarks, encoder);
            VideoResult result = plain.recognise(TestClips.courseClip("test_5.mp4"), "test_5.mp4", gallery);
            assertThat(result.people()).extracting(RecognisedPerson::name).contains("vin_diesel", "president_trump");
        }
    }

    @Test
    void theCascadeFindsTheStudentsToo() {
        try (FaceEngine cascade = FaceEngine.load(EngineOptions.defaults().withDetector(DetectorChoice.CASCADE))) {
            for (String[] clip : new String[][] {{"test_2.mp4", "mr_bean"}, {"test_5.mp4", "vin_diesel"}}) {
                VideoResult result = cascade.recognise(TestClips.courseClip(clip[0]), clip[0], gallery);
                assertThat(result.people()).extracting(RecognisedPerson::name).containsExactly(clip[1]);
            }
        }
    }

    @Test
    void aFaceNotInTheGalleryIsUnknownNotTheNearestName() {
        Map<String, List<double[]>> withoutTrump = new LinkedHashMap<>(gallery.asMap());
        withoutTrump.remove("president_trump");
        VideoResult result = engine.recognise(TestClips.courseClip("test_0.mp4"), "test_0.mp4",
                new Gallery(withoutTrump));
        assertThat(result.status()).isEqualTo(ResultStatus.UNKNOWN_FACE);
        assertThat(result.people()).isEmpty();
        assertThat(result.facesFound()).isEqualTo(1);
        assertThat(result.unknownFaces()).isEqualTo(1);
    }

    @Test
    void aClipWithoutFacesHasNoFace() {
        Path pattern = TestClips.ffmpeg(dir.resolve("pattern.mp4"), "-f", "lavfi", "-i",
                "testsrc=size=640x360:rate=25:duration=2", "-c:v", "libx264", "-preset", "ultrafast");
        VideoResult result = engine.recognise(pattern, "pattern.mp4", gallery);
        assertThat(result.status()).isEqualTo(ResultStatus.NO_FACE);
        assertThat(result.facesFound()).isZero();
        assertThat(result.people()).isEmpty();
    }

    @Test
    void findsAStudentWhoAppearsOnlyLate() {
        Path clip = TestClips.courseClip("test_1.mp4");
        Path late = TestClips.ffmpeg(dir.resolve("late.mp4"), "-f", "lavfi", "-i",
                "color=black:size=1920x1080:rate=30:duration=1.2", "-i", clip.toString(), "-filter_complex",
                "[0:v]setsar=1[a];[1:v]fps=30,setsar=1[b];[a][b]concat=n=2:v=1:a=0", "-c:v", "libx264",
                "-preset", "ultrafast");
        VideoResult result = engine.recognise(late, "late.mp4", gallery);
        assertThat(result.people()).extracting(RecognisedPerson::name).containsExactly("president_biden");
        assertThat(result.people().get(0).frameSeconds()).isGreaterThan(1.1);
    }

    @Test
    void turnsASidewaysPhoneClipUpright() {
        Path clip = TestClips.courseClip("test_8.mp4");
        Path stored = TestClips.ffmpeg(dir.resolve("stored.mp4"), "-i", clip.toString(), "-t", "1",
                "-vf", "transpose=clock", "-an", "-c:v", "libx264", "-preset", "ultrafast");
        Path sideways = TestClips.ffmpeg(dir.resolve("sideways.mp4"), "-i", stored.toString(), "-c", "copy",
                "-metadata:s:v", "rotate=90");
        VideoResult result = engine.recognise(sideways, "sideways.mp4", gallery);
        assertThat(result.people()).extracting(RecognisedPerson::name).containsExactly("president_obama");
        assertThat(result.people().get(0).box().height()).isGreaterThan(result.people().get(0).box().width());
    }

    @Test
    void aClipOverItsLimitsIsAnInvalidVideoThatNamesTheLimit() {
        Path clip = TestClips.ffmpeg(dir.resolve("wide.mp4"), "-f", "lavfi", "-i",
                "testsrc=size=640x360:rate=25:duration=20", "-c:v", "libx264", "-preset", "ultrafast", "-g", "250");
        FaceEngine smallFrames = new FaceEngine(EngineOptions.defaults().withLimits(
                new VideoLimits(640 * 360 - 1, VideoLimits.DEFAULT_DEADLINE)), detector, landmarks, encoder);
        VideoResult tooLarge = smallFrames.recognise(clip, "wide.mp4", gallery);
        assertThat(tooLarge.status()).isEqualTo(ResultStatus.INVALID_VIDEO);
        assertThat(tooLarge.reason()).isEqualTo("frame 640x360 exceeds the 230399-pixel limit (CLASSROOM_MAX_FRAME_PIXELS)");

        // Each look at the clock costs a second: the deadline falls within the first samples, not at the end.
        FaceEngine slow = new FaceEngine(EngineOptions.defaults().withLimits(new VideoLimits(
                VideoLimits.DEFAULT_MAX_FRAME_PIXELS, Duration.ofSeconds(1), new SteppingClock(Duration.ofSeconds(1)))),
                detector, landmarks, encoder);
        VideoResult tooLong = slow.recognise(clip, "wide.mp4", gallery);
        assertThat(tooLong.status()).isEqualTo(ResultStatus.INVALID_VIDEO);
        assertThat(tooLong.reason()).isEqualTo("processing stopped after 1 s (CLASSROOM_VIDEO_DEADLINE_SECONDS)");
    }

    @Test
    void badFilesAreInvalidVideosWithTheReason() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        Path text = Files.writeString(dir.resolve("text.mp4"), "not a video at all\n".repeat(100));
        byte[] bytes = Files.readAllBytes(TestClips.courseClip("test_2.mp4"));
        Path truncated = Files.write(dir.resolve("truncated.mp4"), Arrays.copyOf(bytes, bytes.length * 2 / 3));

        for (Path bad : List.of(empty, text, truncated)) {
            VideoResult result = engine.recognise(bad, bad.getFileName().toString(), gallery);
            assertThat(result.status()).as(bad.getFileName().toString()).isEqualTo(ResultStatus.INVALID_VIDEO);
            assertThat(result.reason()).as(bad.getFileName().toString()).isNotBlank();
        }
        assertThat(engine.recognise(empty, "empty.mp4", gallery).reason()).contains("empty");
        assertThat(engine.recognise(truncated, "truncated.mp4", gallery).reason()).contains("truncated");
    }

    @Test
    void encodesTheSingleFaceOfAPhotoForEnrolment() throws Exception {
        Path photo = TestClips.ffmpeg(dir.resolve("freeman.png"), "-i", TestClips.courseClip("test_7.mp4").toString(),
                "-frames:v", "1");
        double[] encoding = engine.encodeSingleFace(photo);
        assertThat(encoding).hasSize(128);
        assertThat(Distances.euclidean(encoding, gallery.encodingsOf("morgan_freeman").get(0))).isLessThan(0.6);

        double[] fromClip = engine.encodeSingleFace(TestClips.courseClip("test_1.mp4"));
        assertThat(Distances.euclidean(fromClip, gallery.encodingsOf("president_biden").get(0))).isLessThan(0.6);
    }

    @Test
    void refusesToEnrolPhotosWithNoFaceOrSeveralFaces() throws Exception {
        Path pattern = TestClips.ffmpeg(dir.resolve("pattern.png"), "-f", "lavfi", "-i",
                "testsrc=size=640x360", "-frames:v", "1");
        assertThatThrownBy(() -> engine.encodeSingleFace(pattern)).isInstanceOf(EnrolmentRefused.class)
                .hasMessageContaining("no face");

        // Morgan Freeman and President Biden side by side, each cut from the first frame of their clip.
        Path two = TestClips.ffmpeg(dir.resolve("two.png"), "-i", TestClips.courseClip("test_7.mp4").toString(),
                "-i", TestClips.courseClip("test_1.mp4").toString(), "-filter_complex",
                "[0:v]crop=500:550:300:100,setsar=1[a];[1:v]crop=420:462:700:80,scale=500:550,setsar=1[b];"
                        + "[a][b]hstack", "-frames:v", "1");
        assertThatThrownBy(() -> engine.encodeSingleFace(two)).isInstanceOf(EnrolmentRefused.class)
                .hasMessageContaining("2 faces");

        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> engine.encodeSingleFace(text)).isInstanceOf(EnrolmentRefused.class)
                .hasMessageContaining("neither a photo nor a usable video");
    }
}
