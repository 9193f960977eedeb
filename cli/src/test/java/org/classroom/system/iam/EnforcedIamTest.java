package org.classroom.system.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.SampleData;
import org.classroom.common.format.Json;
import org.classroom.localcloud.iam.StackTemplate;
import org.classroom.localsystem.LocalSystem;
import org.classroom.localsystem.LocalSystemOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The local system under the template's own IAM, each part with its own key: what AWS would refuse is
 * refused here, and a template missing one needed action fails the way it would on AWS.
 */
class EnforcedIamTest {

    @TempDir
    Path folder;

    @Test
    void theEightCourseClipsUploadedWithTheDesktopsKeyComeOutRightWithEveryPartUnderItsOwnPolicy() throws Exception {
        Path samples = SampleData.find().orElse(null);
        Assumptions.assumeTrue(samples != null, SampleData.missingMessage());
        java.util.Map<String, String> expected = new java.util.TreeMap<>();
        java.util.Map<String, String> lineOf = new java.util.HashMap<>();
        for (var student : org.classroom.common.students.StudentFile.read(samples.resolve("student_data.json"))) {
            lineOf.put(student.name(), student.name() + "," + student.major() + "," + student.year());
        }
        Files.readAllLines(samples.resolve("expected.csv")).stream().skip(1).filter(line -> !line.isBlank())
                .map(line -> line.split(",")).forEach(fields -> expected.put(fields[0].replace(".mp4", ""), lineOf.get(fields[1])));

        try (LocalSystem system = start(StackTemplate.find().orElseThrow());
                AwsClients desktop = new AwsClients(system.config().withLocalKey("desktop"));
                AwsClients admin = new AwsClients(system.config())) {
            for (String stem : expected.keySet()) {
                desktop.s3().putObject(r -> r.bucket(system.config().inputBucket()).key(stem + ".mp4"),
                        software.amazon.awssdk.core.sync.RequestBody.fromFile(samples.resolve("videos/" + stem + ".mp4")));
            }
            String bucket = system.config().outputBucket();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(3))
                    .until(() -> admin.s3().listObjectsV2(r -> r.bucket(bucket)).keyCount() >= expected.size());
            java.util.Map<String, String> outputs = new java.util.TreeMap<>();
            for (var object : admin.s3().listObjectsV2(r -> r.bucket(bucket)).contents()) {
                outputs.put(object.key(), admin.s3().getObjectAsBytes(r -> r.bucket(bucket).key(object.key())).asUtf8String());
            }
            assertThat(outputs).isEqualTo(expected);
            // The function, under its own policy, kept a face crop of each student, and the desktop may read it.
            String evidence = system.config().evidenceBucket();
            java.util.List<String> kept = admin.s3().listObjectsV2(r -> r.bucket(evidence)).contents().stream()
                    .map(software.amazon.awssdk.services.s3.model.S3Object::key).toList();
            java.util.List<String> crops = kept.stream().filter(key -> key.startsWith("crops/")).toList();
            java.util.List<String> cropped = new java.util.ArrayList<>();
            expected.forEach((stem, line) -> cropped.add(stem + ".mp4 " + line.split(",")[0]));
            cropped.add("test_5.mp4 unknown-1");
            // crops/<video>/<etag>/<person>.jpg, read without the ETag
            assertThat(crops).extracting(key -> key.replaceAll("^crops/(.+)/[0-9a-f]+/(.+)\\.jpg$", "$1 $2"))
                    .containsExactlyInAnyOrderElementsOf(cropped);
            assertThat(desktop.s3().getObjectAsBytes(r -> r.bucket(evidence).key(crops.get(0))).asByteArray())
                    .startsWith((byte) 0xFF, (byte) 0xD8);
            // ... and the frame of each best view and each clip's filmstrip, under frames/, which the desktop reads too.
            java.util.List<String> frames = kept.stream().filter(key -> key.startsWith("frames/")).toList();
            assertThat(frames).filteredOn(key -> key.endsWith("/strip.json")).hasSize(expected.size());
            assertThat(frames).filteredOn(key -> key.matches(".+/[0-9]+-[0-9]+x[0-9]+\\.jpg")).hasSizeBetween(
                    expected.size(), cropped.size());
            assertThat(kept).hasSize(crops.size() + frames.size());
            assertThat(desktop.s3().getObjectAsBytes(r -> r.bucket(evidence).key(frames.get(0))).asByteArray())
                    .isNotEmpty();
        }
    }

    @Test
    void theFunctionMayPutFaceCropsAndTheDesktopMayReadThemButNotWriteThem() throws Exception {
        try (LocalSystem system = start(StackTemplate.find().orElseThrow())) {
            var config = system.config();
            String bucket = config.evidenceBucket();
            String key = "crops/test_0.mp4/0bf2f16a/president_trump.jpg";
            try (AwsClients function = new AwsClients(config.withLocalKey("function"));
                    AwsClients desktop = new AwsClients(config.withLocalKey("desktop"));
                    AwsClients relay = new AwsClients(config.withLocalKey("relay"))) {
                function.s3().putObject(r -> r.bucket(bucket).key(key).serverSideEncryption("AES256"),
                        software.amazon.awssdk.core.sync.RequestBody.fromString("jpeg"));

                assertThat(desktop.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String()).isEqualTo("jpeg");
                assertThatThrownBy(() -> desktop.s3().putObject(r -> r.bucket(bucket).key(key),
                        software.amazon.awssdk.core.sync.RequestBody.fromString("forged")))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
                assertThatThrownBy(() -> desktop.s3().deleteObject(r -> r.bucket(bucket).key(key)))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
                assertThatThrownBy(() -> relay.s3().getObject(r -> r.bucket(bucket).key(key)))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
                // Frames too, but nothing outside the two prefixes.
                function.s3().putObject(r -> r.bucket(bucket).key("frames/test_0.mp4/0bf2f16a/strip.json"),
                        software.amazon.awssdk.core.sync.RequestBody.fromString("{}"));
                assertThat(desktop.s3().getObjectAsBytes(r -> r.bucket(bucket).key("frames/test_0.mp4/0bf2f16a/strip.json"))
                        .asUtf8String()).isEqualTo("{}");
                assertThatThrownBy(() -> function.s3().putObject(r -> r.bucket(bucket).key("elsewhere/x.jpg"),
                        software.amazon.awssdk.core.sync.RequestBody.fromString("jpeg")))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
                // The function only writes evidence: reading it back is the desktop's business.
                assertThatThrownBy(() -> function.s3().getObject(r -> r.bucket(bucket).key(key)))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            }
        }
    }

    @Test
    void eachPartIsHeldToItsPolicyAndAnUnknownKeyIsRefused() throws Exception {
        try (LocalSystem system = start(StackTemplate.find().orElseThrow())) {
            var config = system.config();
            try (AwsClients relay = new AwsClients(config.withLocalKey("relay"));
                    AwsClients desktop = new AwsClients(config.withLocalKey("desktop"));
                    AwsClients stranger = new AwsClients(config.withLocalKey("AKIASTRANGER"))) {
                desktop.s3().putObject(r -> r.bucket(config.inputBucket()).key("notes.txt"),
                        software.amazon.awssdk.core.sync.RequestBody.fromString("x"));

                assertThatThrownBy(() -> relay.s3().getObject(r -> r.bucket(config.inputBucket()).key("notes.txt")))
                        .isInstanceOfSatisfying(S3Exception.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(403);
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        });
                assertThatThrownBy(() -> desktop.s3().deleteObject(r -> r.bucket(config.inputBucket()).key("notes.txt")))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
                assertThatThrownBy(() -> desktop.sqs().getQueueUrl(r -> r.queueName(config.inputQueue())))
                        .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
                assertThatThrownBy(() -> stranger.s3().listObjectsV2(r -> r.bucket(config.inputBucket())))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                                .isEqualTo("InvalidAccessKeyId"));
            }
        }
    }

    @Test
    void aDeletedUploadIsAFinalResultWithTheTemplateAndAnAccessDeniedWithoutListBucket() throws Exception {
        Path template = StackTemplate.find().orElseThrow();
        try (LocalSystem system = start(template)) {
            assertThat(invokeOnAMissingKey(system).payload().asUtf8String())
                    .contains("\"status\":\"invalid-video\"", "no longer exists");
        }
        // The mistake the template once had: the function may read objects but not list the bucket.
        String text = Files.readString(template);
        String withoutList = text.replaceAll("(?s)              - Sid: SeeMissingUploads.*?(?=              - Sid: WriteResults)", "");
        assertThat(withoutList).isNotEqualTo(text);
        Path broken = Files.writeString(folder.resolve("no-list-bucket.yaml"), withoutList);

        try (LocalSystem system = start(broken)) {
            InvokeResponse response = invokeOnAMissingKey(system);

            assertThat(response.functionError()).isEqualTo("Unhandled");
            assertThat(response.payload().asUtf8String()).contains("gone.mp4", "403");
        }
    }

    private LocalSystem start(Path template) throws Exception {
        Path samples = SampleData.find().orElse(null);
        Assumptions.assumeTrue(samples != null, SampleData.missingMessage());
        Path results = Files.createTempDirectory(folder, "results");
        return LocalSystem.start(new ConfigLoader(Map.of(), folder.resolve("none.properties")).load(Map.of()),
                LocalSystemOptions.ephemeral(samples, results).withIamTemplate(template));
    }

    /** As the relay would, but for a key whose object is gone: the function must decide what that is. */
    private static InvokeResponse invokeOnAMissingKey(LocalSystem system) {
        var config = system.config();
        try (AwsClients relay = new AwsClients(config.withLocalKey("relay"))) {
            String event = Json.write(Map.of("bucket", config.inputBucket(), "key", "gone.mp4"));
            return relay.lambda().invoke(r -> r.functionName(config.function()).payload(SdkBytes.fromUtf8String(event)));
        }
    }
}
