package org.classroom.cli.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.classroom.cli.ClassroomCommand;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.SampleData;
import org.classroom.common.model.Student;
import org.classroom.provision.ProvisionRequest;
import org.classroom.provision.Provisioner;
import org.classroom.common.students.StudentTable;
import org.classroom.face.gallery.GalleryFiles;
import org.classroom.face.video.FrameSampler;
import org.classroom.face.video.SampledFrame;
import org.classroom.face.video.SamplingOptions;
import org.classroom.localcloud.LocalCloud;
import org.classroom.localcloud.LocalCloudOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EnrolCommandTest {

    @TempDir
    Path dir;

    @Test
    void enrolsTheFaceOfAPhotoAndRefusesAPhotoWithoutOne() throws Exception {
        Path samples = SampleData.find().orElse(null);
        assumeTrue(samples != null, SampleData::missingMessage);
        Path photo = dir.resolve("trump.jpg");
        try (FrameSampler sampler = FrameSampler.open(samples.resolve("videos/test_0.mp4"), SamplingOptions.defaults());
                SampledFrame frame = sampler.next().orElseThrow()) {
            opencv_imgcodecs.imwrite(photo.toString(), frame.image());
        }
        Path blank = dir.resolve("wall.png");
        try (Mat grey = new Mat(480, 640, org.bytedeco.opencv.global.opencv_core.CV_8UC3, new Scalar(128, 128, 128, 0))) {
            opencv_imgcodecs.imwrite(blank.toString(), grey);
        }

        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.ephemeral())) {
            ClassroomConfig config = cloud.config(ConfigLoader.forCurrentUser().load(Map.of()));
            try (AwsClients clients = new AwsClients(config)) {
                new Provisioner(clients).provision(ProvisionRequest.resourcesOnly());
                String endpoint = cloud.endpoint().toString();

                String[] out = new String[1];
                int code = run(out, "enrol", "new_student", photo.toString(), "--id", "42", "--major", "art",
                        "--year", "senior", "--endpoint", endpoint);
                assertThat(code).as(out[0]).isZero();
                assertThat(out[0]).contains("enrolled new_student from trump.jpg: 1 face encoding(s)");

                StudentTable table = new StudentTable(clients.dynamoDb(), config.table());
                assertThat(table.get("new_student")).contains(new Student("new_student", 42, "art", "senior"));
                List<double[]> encodings = table.gallery().get("new_student");
                assertThat(encodings).hasSize(1);
                double[] trump = GalleryFiles.read(samples.resolve("encoding")).encodingsOf("president_trump").get(0);
                assertThat(distance(encodings.get(0), trump)).isLessThan(0.6);

                int refused = run(out, "enrol", "nobody", blank.toString(), "--endpoint", endpoint);
                assertThat(refused).isNotZero();
                assertThat(out[0]).contains("not enrolled");
                assertThat(table.get("nobody")).isEmpty();
            }
        }
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    private static int run(String[] output, String... args) {
        StringWriter text = new StringWriter();
        CommandLine commandLine = new CommandLine(new ClassroomCommand());
        commandLine.setOut(new PrintWriter(text, true));
        commandLine.setErr(new PrintWriter(text, true));
        int code = commandLine.execute(args);
        output[0] = text.toString();
        return code;
    }
}
