package org.classroom.face.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.face.VideoRecogniser.EnrolmentRefused;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.gallery.PickleGalleryReader;
import org.classroom.face.match.Distances;
import org.classroom.face.match.MatchPolicy;
import org.classroom.face.video.RandomAccessInput;
import org.classroom.face.video.TestClips;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A face enrolled by its place in a result (video, frame time, box) is the face the next run meets: the boy
 * in test_5, unknown and turned away, is named once his own view is in the gallery.
 */
class FaceAtItsPlaceTest {

    private static FaceEngine engine;
    private static Gallery course;
    private static Path clip;

    @BeforeAll
    static void load() throws Exception {
        clip = TestClips.courseClip("test_5.mp4");
        course = PickleGalleryReader.read(clip.getParent().getParent().resolve("encoding"));
        engine = FaceEngine.load(EngineOptions.defaults());
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void theBoyEnrolledFromHisOwnViewIsNamedInTheNextRun() throws Exception {
        VideoResult before = engine.recognise(clip, "test_5.mp4", course);
        assertThat(before.people()).extracting(RecognisedPerson::name).containsExactly("vin_diesel");
        assertThat(before.unknownPeople()).hasSize(1);
        UnknownPerson boy = before.unknownPeople().get(0);

        double[] encoding;
        try (FileInput input = new FileInput(clip)) {
            encoding = engine.encodeFaceAt(input, "test_5.mp4", boy.frameSeconds(), boy.box());
        }
        Map<String, List<double[]>> withBoy = new LinkedHashMap<>(course.asMap());
        withBoy.put("new_boy", List.of(encoding));
        VideoResult after = engine.recognise(clip, "test_5.mp4", new Gallery(withBoy));

        assertThat(after.people()).extracting(RecognisedPerson::name).containsExactlyInAnyOrder("vin_diesel", "new_boy");
        assertThat(after.unknownPeople()).isEmpty();
        RecognisedPerson named = after.people().stream().filter(p -> p.name().equals("new_boy")).findFirst().orElseThrow();
        assertThat(named.box()).isEqualTo(boy.box());
        assertThat(named.distance()).isLessThan(MatchPolicy.SAME_VIEW_DISTANCE);
    }

    @Test
    void theFaceInTheBoxIsEncodedNotAnotherFaceOfTheFrame() throws Exception {
        VideoResult result = engine.recognise(clip, "test_5.mp4", course);
        RecognisedPerson vin = result.people().get(0);
        double[] vinsFace;
        try (FileInput input = new FileInput(clip)) {
            vinsFace = engine.encodeFaceAt(input, "test_5.mp4", vin.frameSeconds(), vin.box());
        }
        double toVin = course.encodingsOf("vin_diesel").stream().mapToDouble(e -> Distances.euclidean(e, vinsFace))
                .min().orElseThrow();
        assertThat(toVin).isLessThan(0.6);
    }

    @Test
    void aTimeWithoutASampledFrameIsRefused() throws Exception {
        try (FileInput input = new FileInput(clip)) {
            assertThatThrownBy(() -> engine.encodeFaceAt(input, "test_5.mp4", 0.2501, new FaceBox(10, 10, 50, 50)))
                    .isInstanceOf(EnrolmentRefused.class)
                    .hasMessageContaining("no sampled frame at 0.250 s");
        }
    }

    /** A file read by position, as the function reads an S3 object by ranges. */
    private static final class FileInput implements RandomAccessInput, AutoCloseable {
        private final RandomAccessFile file;

        FileInput(Path path) throws IOException {
            file = new RandomAccessFile(path.toFile(), "r");
        }

        @Override
        public long size() {
            try {
                return file.length();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public int read(long position, byte[] buffer, int offset, int length) throws IOException {
            file.seek(position);
            return file.read(buffer, offset, length);
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
