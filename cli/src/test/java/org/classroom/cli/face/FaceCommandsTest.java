package org.classroom.cli.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classroom.cli.ClassroomCommand;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.SampleData;
import org.classroom.common.format.Json;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.provision.ProvisionRequest;
import org.classroom.provision.Provisioner;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.gallery.GalleryFiles;
import org.classroom.localcloud.LocalCloud;
import org.classroom.localcloud.LocalCloudOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The engine's commands, run as the user runs them (picocli, real clips, real files, the local cloud). */
class FaceCommandsTest {

    @TempDir
    Path dir;

    private Path samples;

    @BeforeEach
    void needsCourseData() {
        Optional<Path> found = SampleData.find();
        assumeTrue(found.isPresent(), SampleData::missingMessage);
        samples = found.get();
    }

    @Test
    void recognisePrintsOneJsonResultPerClip() {
        Run run = run("recognise", "--samples", samples.toString(), "--json",
                clip("test_0.mp4"), clip("test_5.mp4"));
        assertThat(run.exitCode).as(run.err).isZero();
        List<VideoResult> results = run.out.lines().map(Json::readResult).toList();
        assertThat(results).extracting(VideoResult::video).containsExactly("test_0.mp4", "test_5.mp4");
        assertThat(results.get(0).people()).extracting(RecognisedPerson::name).containsExactly("president_trump");
        assertThat(results.get(1).people()).extracting(RecognisedPerson::name).containsExactly("vin_diesel");
        assertThat(results.get(0).people().get(0).distance()).isLessThan(0.6);
        assertThat(results.get(0).timingsMs()).containsKeys("decode", "detect", "encode", "total");
    }

    @Test
    void recogniseReadsFoldersAndPrintsALinePerClip() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("clips"));
        Files.copy(Path.of(clip("test_7.mp4")), folder.resolve("lecture.mp4"));
        Files.writeString(folder.resolve("notes.txt"), "not a clip, and not a video name either");
        Files.writeString(folder.resolve("broken.mp4"), "not a video");
        Run run = run("recognise", "--gallery", samples.resolve("encoding.json").toString(), folder.toString());
        assertThat(run.exitCode).as(run.err).isZero();
        List<String> lines = run.out.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("broken.mp4  invalid-video: not a video");
        assertThat(lines.get(1)).startsWith("lecture.mp4  recognised  morgan_freeman (0.")
                .contains("faces 1 (unknown 0)").contains("detect ").contains("total ");
    }

    @Test
    void recogniseHonoursTheTolerance() {
        Run run = run("recognise", "--samples", samples.toString(), "--json", "--tolerance", "0.2",
                clip("test_0.mp4"));
        assertThat(run.exitCode).as(run.err).isZero();
        VideoResult result = Json.readResult(run.out.strip());
        assertThat(result.status()).isEqualTo(ResultStatus.UNKNOWN_FACE);
        assertThat(result.unknownFaces()).isEqualTo(1);
    }

    @Test
    void recogniseRefusesMissingPathsAndGalleries() {
        Run missing = run("recognise", "--samples", samples.toString(), dir.resolve("nowhere.mp4").toString());
        assertThat(missing.exitCode).isNotZero();
        assertThat(missing.err).contains("no such file or folder");

        Run noGallery = run("recognise", "--samples", dir.toString(), clip("test_0.mp4"));
        assertThat(noGallery.exitCode).isNotZero();
        assertThat(noGallery.err).contains("no gallery");
    }

    @Test
    void galleryConvertsThePickleToJsonAndBack() throws Exception {
        Path json = dir.resolve("gallery.json");
        Run imported = run("gallery", "import", samples.resolve("encoding").toString(), "--out", json.toString());
        assertThat(imported.exitCode).as(imported.err).isZero();
        assertThat(imported.out).contains("wrote 11 encodings of 11 people");

        Gallery original = GalleryFiles.read(samples.resolve("encoding"));
        Gallery converted = GalleryFiles.read(json);
        assertThat(converted.names()).containsExactlyElementsOf(original.names());
        assertThat(converted.encodingsOf("floki").get(0)).containsExactly(original.encodingsOf("floki").get(0));

        Run exported = run("gallery", "export", "--from", samples.resolve("encoding").toString());
        assertThat(exported.exitCode).as(exported.err).isZero();
        assertThat(Json.mapper().readTree(exported.out).get("names")).hasSize(11);

        Path pickle = dir.resolve("encoding");
        Run asPickle = run("gallery", "export", "--from", json.toString(), "--format", "pickle", "--out",
                pickle.toString());
        assertThat(asPickle.exitCode).as(asPickle.err).isZero();
        assertThat(GalleryFiles.read(pickle).encodingsOf("bush").get(0)).containsExactly(original.encodingsOf("bush").get(0));

        Run bad = run("gallery", "import", samples.resolve("student_data.json").toString(), "--out", json.toString());
        assertThat(bad.exitCode).isNotZero();
        assertThat(bad.err).contains("neither a gallery pickle nor a JSON gallery");
    }

    @Test
    void galleryImportsIntoTheStudentTableAndExportsFromIt() throws Exception {
        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.ephemeral())) {
            ClassroomConfig config = cloud.config(ConfigLoader.forCurrentUser().load(Map.of()));
            try (AwsClients clients = new AwsClients(config)) {
                new Provisioner(clients).provision(ProvisionRequest.resourcesOnly());
            }
            String endpoint = cloud.endpoint().toString();
            Run imported = run("gallery", "import", samples.resolve("encoding").toString(), "--endpoint", endpoint,
                    "--set", "table=" + config.table());
            assertThat(imported.exitCode).as(imported.err).isZero();
            assertThat(imported.out).contains("imported 11 encodings of 11 people into table " + config.table());

            Path out = dir.resolve("from-table.json");
            Run exported = run("gallery", "export", "--endpoint", endpoint, "--set", "table=" + config.table(),
                    "-o", out.toString());
            assertThat(exported.exitCode).as(exported.err).isZero();
            Gallery original = GalleryFiles.read(samples.resolve("encoding"));
            Gallery fromTable = GalleryFiles.read(out);
            assertThat(fromTable.names()).containsExactlyInAnyOrderElementsOf(original.names());
            for (String name : original.names()) {
                assertThat(fromTable.encodingsOf(name).get(0)).as(name)
                        .containsExactly(original.encodingsOf(name).get(0));
            }
        }
    }

    @Test
    void benchPrintsAMarkdownTableWithTimingsAndTheMachine() {
        Run run = run("bench", "--samples", samples.toString(), "--runs", "2", "--videos",
                clip("test_0.mp4") + "," + clip("test_4.mp4"));
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("Machine: ").contains("cores available")
                .contains("| clip | status | people (distance) | faces | open | decode | detect |")
                .contains("| test_0.mp4 | recognised | president_trump (0.")
                .contains("| test_4.mp4 | recognised | johnny_dep (0.")
                .contains("Cold: networks built in").contains("JVM start to first result")
                .contains("Warm per clip, all stages: median").contains("(4 clip runs)")
                .contains("peak resident memory")
                .contains("| wall | ffmpeg first frame | engine/ffmpeg |");
        assertThat(run.out).as("the ffmpeg reference, as a ratio; no timing is asserted")
                .containsPattern("(?m)^engine/ffmpeg first frame: median \\d+\\.\\d\\d, worst clip \\d+\\.\\d\\d ");
    }

    @Test
    void benchLectureModeBuildsARecordingAndComparesTheEngineWithFfmpegDecodingIt() {
        Run run = run("bench", "--samples", samples.toString(), "--lecture-minutes", "0.5", "--runs", "1");
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("## Face engine on a lecture recording").contains("Machine: ")
                .contains("cores available").contains("Java ")
                .contains("Recording: lecture.mp4, built from the course clips: 30 s, 1280x720")
                .contains("| run | engine ms | ffmpeg decode ms |")
                .containsPattern("(?m)^engine/ffmpeg: \\d+\\.\\d\\d \\(engine \\d+ ms, `ffmpeg -i lecture.mp4 -f null -`"
                        + " \\d+ ms; median of 1 runs each\\)$")
                // 20 s of nobody, then Trump for 10 s.
                .containsPattern("(?m)^- president_trump \\(0\\.\\d+\\): 0:[23]\\d–0:[23]\\d$")
                .contains("On screen: 1 people; found all: yes")
                .contains("peak resident memory");
    }

    @Test
    void benchDetectorsComparesTheEnginesDetectorsWithFaceApisSquareSsdFrameByFrame() {
        Run run = run("bench", "--samples", samples.toString(), "--detectors", "--every", "0.5", "--videos",
                clip("test_0.mp4") + "," + clip("test_5.mp4"));
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("## Detectors frame by frame").contains("cores available")
                .containsPattern("2 clip\\(s\\), \\d+ frames, \\d+ faces found by ssd on a 512 square")
                .contains("| detector | median ms per frame | missed (of its faces) | extra (not its faces) | box IoU with its |")
                .containsPattern("(?m)^\\| ssd on a 512 square \\| \\d+\\.\\d \\| - \\| - \\| - \\|$")
                // On the frame's own proportions SSD finds the same faces with the same boxes, in 8 bits nearly.
                .containsPattern("(?m)^\\| ssd in float \\| \\d+\\.\\d \\| 0 \\| 0 \\| (0\\.99|1\\.00) \\|$")
                .containsPattern("(?m)^\\| ssd \\(8-bit\\) \\| \\d+\\.\\d \\| 0 \\| 0 \\| (0\\.9\\d|1\\.00) \\|$")
                // On these frames the cascade finds every face SSD finds, with nearly its boxes.
                .containsPattern("(?m)^\\| cascade \\| \\d+\\.\\d \\| 0 \\| \\d+ \\| 0\\.[789]\\d \\|$")
                .containsPattern("(?m)^\\| tiny \\| \\d+\\.\\d \\| \\d+ \\| \\d+ \\| 0\\.\\d\\d \\|$");
    }

    private String clip(String name) {
        return samples.resolve("videos").resolve(name).toString();
    }

    @Test
    void lectureJoinsCopiesOfOneEncodedBlockIntoARecordingOfTheAskedLength() throws Exception {
        Path lecture = dir.resolve("lecture.mp4");

        Run run = run("lecture", "--samples", samples.toString(), "--minutes", "1", "--block-minutes", "0.5",
                lecture.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("2 blocks of 30 s");
        try (org.classroom.face.video.FrameSampler sampler = org.classroom.face.video.FrameSampler.open(lecture,
                org.classroom.face.video.SamplingOptions.defaults())) {
            assertThat(sampler.info().durationSeconds()).isCloseTo(60, org.assertj.core.api.Assertions.within(0.5));
            assertThat(sampler.info().width()).isEqualTo(1280);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new ClassroomCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("error: " + exception.getMessage());
            return 1;
        });
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
    }
}
