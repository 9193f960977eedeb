package org.classroom.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.format.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** S3 → SQS event notifications, through the real SDK clients (and raw HTTP, and the AWS CLI when present). */
class S3EventNotificationTest {

    private static LocalCloud cloud;
    private static AwsClients clients;
    private static S3Client s3;
    private static SqsClient sqs;
    private static int counter;

    @BeforeAll
    static void startCloud() {
        cloud = LocalCloud.start(LocalCloudOptions.ephemeral());
        clients = new AwsClients(cloud.config(TestConfigs.defaults()));
        s3 = clients.s3();
        sqs = clients.sqs();
    }

    @AfterAll
    static void stopCloud() {
        s3.close();
        sqs.close();
        cloud.close();
    }

    @Test
    void settingTheConfigurationSendsATestEventAndCanBeReadBack() {
        Target target = target();

        List<JsonNode> messages = drain(target.queueUrl());
        var stored = s3.getBucketNotificationConfiguration(request -> request.bucket(target.bucket()));

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("Event").asText()).isEqualTo("s3:TestEvent");
        assertThat(messages.get(0).path("Bucket").asText()).isEqualTo(target.bucket());
        assertThat(stored.queueConfigurations()).hasSize(1);
        assertThat(stored.queueConfigurations().get(0).queueArn()).isEqualTo(target.queueArn());
        assertThat(stored.queueConfigurations().get(0).eventsAsStrings()).containsExactly("s3:ObjectCreated:*");
    }

    @Test
    void aPlainPutSendsExactlyOneEventWithTheStoredSizeAndETag() {
        Target target = targetWithoutTestEvent();

        String eTag = s3.putObject(request -> request.bucket(target.bucket()).key("test_0.mp4"),
                RequestBody.fromString("not really a video")).eTag();
        List<JsonNode> events = drain(target.queueUrl());

        assertThat(events).hasSize(1);
        JsonNode record = events.get(0).path("Records").get(0);
        assertThat(record.path("eventVersion").asText()).isEqualTo("2.1");
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.path("s3").path("bucket").path("name").asText()).isEqualTo(target.bucket());
        assertThat(record.path("s3").path("bucket").path("arn").asText()).isEqualTo("arn:aws:s3:::" + target.bucket());
        assertThat(record.path("s3").path("object").path("key").asText()).isEqualTo("test_0.mp4");
        assertThat(record.path("s3").path("object").path("size").asLong()).isEqualTo(18);
        assertThat(record.path("s3").path("object").path("eTag").asText()).isEqualTo(eTag.replace("\"", ""));
        assertThat(record.path("s3").path("object").path("sequencer").asText()).matches("[0-9A-F]+");
    }

    @Test
    void aMultipartUploadSendsOneCompleteMultipartUploadEvent(@TempDir Path folder) throws Exception {
        Target target = targetWithoutTestEvent();
        Path file = folder.resolve("big.mp4");
        byte[] bytes = new byte[12 * 1024 * 1024]; // above the SDK's 8 MiB multipart threshold
        new Random(7).nextBytes(bytes);
        Files.write(file, bytes);

        try (S3AsyncClient async = clients.s3Async()) {
            async.putObject(request -> request.bucket(target.bucket()).key("lectures/big.mp4"), AsyncRequestBody.fromFile(file))
                    .get(2, TimeUnit.MINUTES);
        }
        List<JsonNode> events = drain(target.queueUrl());
        byte[] stored = s3.getObjectAsBytes(request -> request.bucket(target.bucket()).key("lectures/big.mp4")).asByteArray();

        assertThat(events).hasSize(1);
        JsonNode record = events.get(0).path("Records").get(0);
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        assertThat(record.path("s3").path("object").path("key").asText()).isEqualTo("lectures/big.mp4");
        assertThat(record.path("s3").path("object").path("size").asLong()).isEqualTo(bytes.length);
        assertThat(stored).isEqualTo(bytes);
    }

    @Test
    void aCopySendsACopyEvent() {
        Target target = target();
        s3.putObject(request -> request.bucket(target.bucket()).key("original.mp4"), RequestBody.fromString("clip"));
        drain(target.queueUrl());

        s3.copyObject(request -> request.sourceBucket(target.bucket()).sourceKey("original.mp4")
                .destinationBucket(target.bucket()).destinationKey("copy.mp4"));
        List<JsonNode> events = drain(target.queueUrl());

        assertThat(events).hasSize(1);
        JsonNode record = events.get(0).path("Records").get(0);
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Copy");
        assertThat(record.path("s3").path("object").path("key").asText()).isEqualTo("copy.mp4");
        assertThat(record.path("s3").path("object").path("size").asLong()).isEqualTo(4);
    }

    @Test
    void aKeyWithSpacesAndNonAsciiArrivesUrlEncodedAndDecodesBack() {
        Target target = targetWithoutTestEvent();
        String key = "week 3/Zoë’s lecture (ü+1).mp4";

        s3.putObject(request -> request.bucket(target.bucket()).key(key), RequestBody.fromString("x"));
        List<JsonNode> events = drain(target.queueUrl());

        assertThat(events).hasSize(1);
        String encoded = events.get(0).path("Records").get(0).path("s3").path("object").path("key").asText();
        assertThat(encoded).startsWith("week+3/Zo%C3%AB").doesNotContain(" ");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(key);
    }

    @Test
    void keysWithEmptySegmentsDotsAndPercentSignsAreStoredAndAnnouncedAsGiven() {
        Target target = targetWithoutTestEvent();
        List<String> keys = List.of("a//b.mp4", "x/../y.mp4", "100% sure.mp4");

        for (String key : keys) {
            s3.putObject(request -> request.bucket(target.bucket()).key(key), RequestBody.fromString(key));
        }
        List<String> announced = drain(target.queueUrl()).stream()
                .map(event -> URLDecoder.decode(event.path("Records").get(0).path("s3").path("object").path("key").asText(),
                        StandardCharsets.UTF_8))
                .toList();

        assertThat(announced).containsExactlyInAnyOrderElementsOf(keys);
        for (String key : keys) {
            assertThat(s3.getObjectAsBytes(request -> request.bucket(target.bucket()).key(key)).asUtf8String()).isEqualTo(key);
        }
    }

    @Test
    void prefixAndSuffixFiltersChooseWhichUploadsAreAnnounced() {
        String bucket = "filters-" + (++counter);
        String queueUrl = sqs.createQueue(request -> request.queueName("filters-queue-" + counter)).queueUrl();
        String arn = arnOf(queueUrl);
        s3.createBucket(request -> request.bucket(bucket));
        s3.putBucketNotificationConfiguration(request -> request.bucket(bucket).notificationConfiguration(
                NotificationConfiguration.builder().queueConfigurations(
                        queue(arn, FilterRuleName.SUFFIX, ".mp4"),
                        queue(arn, FilterRuleName.PREFIX, "enrol/")).build()));
        drain(queueUrl);

        for (String key : List.of("notes.txt", "clip.mp4", "enrol/ada/face.jpg", "other/face.jpg")) {
            s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromString(key));
        }
        List<String> announced = drain(queueUrl).stream()
                .map(event -> event.path("Records").get(0).path("s3").path("object").path("key").asText())
                .toList();

        assertThat(announced).containsExactlyInAnyOrder("clip.mp4", "enrol/ada/face.jpg");
    }

    @Test
    void aConfigurationNamingAMissingQueueIsRefused() {
        String bucket = "missing-queue-" + (++counter);
        s3.createBucket(request -> request.bucket(bucket));

        assertThatThrownBy(() -> s3.putBucketNotificationConfiguration(request -> request.bucket(bucket)
                .notificationConfiguration(NotificationConfiguration.builder().queueConfigurations(
                        QueueConfiguration.builder().queueArn("arn:aws:sqs:us-east-1:000000000000:no-such-queue")
                                .events(Event.S3_OBJECT_CREATED).build()).build())))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("no-such-queue");
                });
    }

    @Test
    void rawRestUploadsPlainAndAwsChunkedAreAnnouncedWithTheObjectSize() throws Exception {
        Target target = targetWithoutTestEvent();
        HttpClient http = HttpClient.newHttpClient();
        URI base = cloud.endpoint();

        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(base.resolve("/" + target.bucket() + "/plain.mp4"))
                .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
                .PUT(HttpRequest.BodyPublishers.ofString("0123456789")).build(), HttpResponse.BodyHandlers.ofString());
        String chunkedBody = "5;chunk-signature=abc\r\nhello\r\n6;chunk-signature=def\r\n world\r\n0;chunk-signature=0\r\n"
                + "x-amz-checksum-crc32:AAAAAA==\r\n\r\n";
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(base.resolve("/" + target.bucket() + "/chunked.mp4"))
                .header("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER")
                .header("Content-Encoding", "aws-chunked")
                .header("x-amz-decoded-content-length", "11")
                .header("x-amz-trailer", "x-amz-checksum-crc32")
                .PUT(HttpRequest.BodyPublishers.ofString(chunkedBody)).build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> events = drain(target.queueUrl());

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(chunked.statusCode()).isEqualTo(200);
        assertThat(s3.getObjectAsBytes(request -> request.bucket(target.bucket()).key("chunked.mp4")).asUtf8String())
                .isEqualTo("hello world");
        assertThat(events).extracting(event -> event.path("Records").get(0).path("s3").path("object").path("key").asText()
                        + "=" + event.path("Records").get(0).path("s3").path("object").path("size").asLong())
                .containsExactlyInAnyOrder("plain.mp4=10", "chunked.mp4=11");
    }

    @Test
    void theAwsCliSinglePartAndMultipartUploadsAreAnnounced(@TempDir Path folder) throws Exception {
        Assumptions.assumeTrue(onPath("aws"), "the AWS CLI (aws) is not installed");
        Target target = targetWithoutTestEvent();
        Path small = Files.writeString(folder.resolve("small.mp4"), "small clip");
        Path big = folder.resolve("big clip.mp4");
        byte[] bytes = new byte[10 * 1024 * 1024]; // the CLI's multipart threshold is 8 MiB
        new Random(3).nextBytes(bytes);
        Files.write(big, bytes);

        aws(folder, "s3", "cp", small.toString(), "s3://" + target.bucket() + "/cli/small.mp4");
        aws(folder, "s3", "cp", big.toString(), "s3://" + target.bucket() + "/cli/big clip.mp4");
        List<JsonNode> events = drain(target.queueUrl());

        assertThat(events).extracting(event -> event.path("Records").get(0).path("eventName").asText() + " "
                        + URLDecoder.decode(event.path("Records").get(0).path("s3").path("object").path("key").asText(),
                                StandardCharsets.UTF_8)
                        + " " + event.path("Records").get(0).path("s3").path("object").path("size").asLong())
                .containsExactlyInAnyOrder("ObjectCreated:Put cli/small.mp4 10",
                        "ObjectCreated:CompleteMultipartUpload cli/big clip.mp4 " + bytes.length);
    }

    private static void aws(Path folder, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", cloud.endpoint().toString(),
                "--region", "us-east-1"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("aws.log").toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", "local");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        builder.environment().put("AWS_CONFIG_FILE", folder.resolve("no-config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", folder.resolve("no-credentials").toString());
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(folder.resolve("aws.log"))).isZero();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private record Target(String bucket, String queueUrl, String queueArn) {
    }

    /** A new bucket notifying a new queue of every ObjectCreated event. */
    private static Target target() {
        int n = ++counter;
        String bucket = "events-" + n;
        String queueUrl = sqs.createQueue(request -> request.queueName("events-queue-" + n)).queueUrl();
        String arn = arnOf(queueUrl);
        s3.createBucket(request -> request.bucket(bucket));
        s3.putBucketNotificationConfiguration(request -> request.bucket(bucket).notificationConfiguration(
                NotificationConfiguration.builder().queueConfigurations(QueueConfiguration.builder()
                        .queueArn(arn).events(Event.S3_OBJECT_CREATED).build()).build()));
        return new Target(bucket, queueUrl, arn);
    }

    private static Target targetWithoutTestEvent() {
        Target target = target();
        drain(target.queueUrl());
        return target;
    }

    private static QueueConfiguration queue(String arn, FilterRuleName rule, String value) {
        return QueueConfiguration.builder().queueArn(arn).events(Event.S3_OBJECT_CREATED)
                .filter(filter -> filter.key(key -> key.filterRules(r -> r.name(rule).value(value)))).build();
    }

    private static String arnOf(String queueUrl) {
        return sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                .attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
    }

    /** Every message now on the queue (deleted as read), parsed. */
    private static List<JsonNode> drain(String queueUrl) {
        List<JsonNode> bodies = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            if (messages.isEmpty()) {
                return bodies;
            }
            for (Message message : messages) {
                try {
                    bodies.add(Json.mapper().readTree(message.body()));
                } catch (IOException e) {
                    throw new AssertionError("not JSON: " + message.body(), e);
                }
                sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }
}
