package org.classroom.face.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.video.SamplingOptions;
import org.classroom.face.video.TestClips;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine on the {@link ThreeMinuteLecture} (720p, made from the course clips, key frame every 10 s): students on
 * screen at known times, two at once, one for 12 s only, and long stretches with nobody. Every name, nobody
 * else, and every appearance within one sampling interval of the truth.
 */
class LectureRecordingTest {

    private static final double SPACING = SamplingOptions.DEFAULT_MAX_SPACING_SECONDS;

    /** Who is on screen when, in the recording below: name → [from, to) in seconds. */
    private static final Map<String, double[]> TRUTH = Map.of(
            "president_biden", new double[] {15, 45},
            "mr_bean", new double[] {60, 100},
            "morgan_freeman", new double[] {60, 100},
            "johnny_dep", new double[] {100, 112});

    private static Path dir;
    private static Path lecture;
    private static Gallery gallery;
    private static FaceEngine engine;

    @BeforeAll
    static void build() throws Exception {
        gallery = ThreeMinuteLecture.gallery();
        lecture = ThreeMinuteLecture.file();
        dir = Files.createTempDirectory("returning");
        engine = FaceEngine.load(EngineOptions.defaults());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void namesEveryoneWhoWasThereWithWhenAndNobodyElse() {
        VideoResult result = engine.recognise(lecture, "lecture.mp4", gallery);

        assertThat(result.status()).isEqualTo(ResultStatus.RECOGNISED);
        assertThat(result.people()).extracting(RecognisedPerson::name)
                .containsExactlyInAnyOrderElementsOf(TRUTH.keySet());
        assertThat(result.unknownPeople()).as("nobody else").isEmpty();
        assertThat(result.unknownFaces()).isZero();
        assertThat(result.facesFound()).isEqualTo(TRUTH.size());
        assertThat(result.durationSeconds()).as("the whole recording, its empty last minute included")
                .isCloseTo(180.0, within(0.5));
        Map<String, RecognisedPerson> byName = result.people().stream()
                .collect(Collectors.toMap(RecognisedPerson::name, Function.identity()));
        TRUTH.forEach((name, window) -> {
            RecognisedPerson person = byName.get(name);
            assertThat(person.appearances()).as(name).hasSize(1);
            Appearance seen = person.appearances().get(0);
            assertThat(seen.from()).as(name + " from").isBetween(window[0], window[0] + SPACING);
            assertThat(seen.to()).as(name + " to").isBetween(window[1] - SPACING, window[1]);
            assertThat(person.frameSeconds()).as(name + "'s best frame").isBetween(seen.from(), seen.to());
            assertThat(person.box().width()).isPositive();
        });
        RecognisedPerson bean = byName.get("mr_bean");
        RecognisedPerson freeman = byName.get("morgan_freeman");
        assertThat(bean.box().x() + bean.box().width()).as("Mr Bean on the left").isLessThanOrEqualTo(640);
        assertThat(freeman.box().x()).as("Morgan Freeman on the right").isGreaterThanOrEqualTo(640);
    }

    @Test
    void aPersonWhoLeavesAndComesBackHasTwoAppearancesAndAStrangerIsOnePersonNotOnePerFrame() {
        Gallery withoutDepp = new Gallery(gallery.asMap().entrySet().stream()
                .filter(entry -> !entry.getKey().equals("johnny_dep"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        Path returning = TestClips.ffmpeg(dir.resolve("returning.mp4"), "-i", lecture.toString(), "-i",
                lecture.toString(), "-filter_complex",
                "[0:v]trim=95:125,setpts=PTS-STARTPTS[a];[1:v]trim=95:125,setpts=PTS-STARTPTS[b];[a][b]concat=n=2:v=1:a=0",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "100", "-keyint_min", "100", "-sc_threshold", "0");
        // 60 s: Bean and Freeman 0–5, Depp 5–17, nobody 17–30; again from 30.
        VideoResult result = engine.recognise(returning, "returning.mp4", withoutDepp);

        assertThat(result.people()).extracting(RecognisedPerson::name)
                .containsExactlyInAnyOrder("mr_bean", "morgan_freeman");
        assertThat(result.unknownPeople()).as("Depp, not in this gallery, is one unknown person").hasSize(1);
        List<Appearance> depp = result.unknownPeople().get(0).appearances().stream()
                .sorted(Comparator.comparingDouble(Appearance::from)).toList();
        assertThat(depp).hasSize(2);
        assertThat(depp.get(0).from()).isBetween(5.0, 5.0 + SPACING);
        assertThat(depp.get(1).from()).isBetween(35.0, 35.0 + SPACING);
        assertThat(depp.get(1).to()).isBetween(47.0 - SPACING, 47.0);
        RecognisedPerson bean = result.people().stream().filter(p -> p.name().equals("mr_bean")).findFirst()
                .orElseThrow();
        assertThat(bean.appearances()).hasSize(2);
    }
}
