package org.classroom.system.relay;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.format.Json;
import org.classroom.common.format.SeedCsv;
import org.classroom.common.format.VideoKeys;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A fast stand-in for the recognition function that does everything around the face work the way the
 * real one does: it reads each uploaded object from S3, writes the seed CSV and the JSON result to the
 * output bucket and sends the result to the output queue, and reports the uploads it could not do as
 * batch item failures. It knows a clip's student by the SHA-256 of its bytes. Keys listed as poison
 * always fail.
 */
final class ClipMatchingFunction implements RequestStreamHandler {

    private final ClassroomConfig config;
    private final S3Client s3;
    private final SqsClient sqs;
    private final Map<String, Student> studentsByHash;
    private final Set<String> poison;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private volatile String outputQueueUrl;
    private volatile long delayMillis;

    ClipMatchingFunction(ClassroomConfig config, S3Client s3, SqsClient sqs, Map<String, Student> studentsByHash,
                         Set<String> poison) {
        this.config = config;
        this.s3 = s3;
        this.sqs = sqs;
        this.studentsByHash = studentsByHash;
        this.poison = poison;
    }

    /** Makes every invocation take at least this long, like a function busy with its frames. */
    void delay(java.time.Duration delay) {
        this.delayMillis = delay.toMillis();
    }

    int attempts(String key) {
        AtomicInteger count = attempts.get(key);
        return count == null ? 0 : count.get();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.mapper().readTree(input);
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        ObjectNode reply = Json.mapper().createObjectNode();
        var failures = reply.putArray("batchItemFailures");
        for (JsonNode record : event.path("Records")) {
            JsonNode body = Json.mapper().readTree(record.path("body").asText());
            for (JsonNode s3Record : body.path("Records")) {
                String bucket = s3Record.path("s3").path("bucket").path("name").asText();
                String key = URLDecoder.decode(s3Record.path("s3").path("object").path("key").asText(),
                        StandardCharsets.UTF_8);
                String etag = s3Record.path("s3").path("object").path("eTag").asText(null);
                attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                if (poison.contains(key)) {
                    failures.addObject().put("itemIdentifier", record.path("messageId").asText());
                    continue;
                }
                publish(recognise(bucket, key, etag));
            }
        }
        output.write(Json.write(reply).getBytes(StandardCharsets.UTF_8));
    }

    private VideoResult recognise(String bucket, String key, String etag) {
        byte[] clip = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
        Student student = studentsByHash.get(CourseLoad.sha256(clip));
        if (student == null) {
            return new VideoResult(key, ResultStatus.NO_FACE, List.of(), 0, 0, null, etag, Map.of(), Instant.now());
        }
        return new VideoResult(key, ResultStatus.RECOGNISED, List.of(RecognisedPerson.of(student, 0.42, null, 0.0)),
                1, 0, null, etag, Map.of("total", 1.0), Instant.now());
    }

    private void publish(VideoResult result) {
        s3.putObject(r -> r.bucket(config.outputBucket()).key(VideoKeys.outputKey(result.video())),
                RequestBody.fromString(SeedCsv.format(result)));
        if (outputQueueUrl == null) {
            outputQueueUrl = sqs.getQueueUrl(r -> r.queueName(config.outputQueue())).queueUrl();
        }
        sqs.sendMessage(r -> r.queueUrl(outputQueueUrl).messageBody(Json.write(result)));
    }
}
