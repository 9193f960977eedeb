package org.classroom.function.process;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.classroom.common.format.Json;
import org.classroom.common.format.SeedCsv;
import org.classroom.common.format.VideoKeys;
import org.classroom.common.model.VideoResult;
import org.classroom.function.runtime.Retrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Writes a finished result and announces it, in an order that survives a crash at any point: the
 * seed-format object, then the JSON result (the ledger, marked not sent), then the queue message, then
 * the JSON result again marked sent. A retry after a crash before the message finds "not sent" and
 * sends it once more; after the mark it finds "sent" and does nothing.
 */
public final class ResultPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ResultPublisher.class);

    private final S3Client s3;
    private final SqsClient sqs;
    private final String outputBucket;
    private final QueueAddress outputQueue;
    private final Retrier retrier;

    public ResultPublisher(S3Client s3, SqsClient sqs, String outputBucket, QueueAddress outputQueue, Retrier retrier) {
        this.s3 = s3;
        this.sqs = sqs;
        this.outputBucket = outputBucket;
        this.outputQueue = outputQueue;
        this.retrier = retrier;
    }

    public void publish(VideoResult result) {
        String json = Json.write(result);
        String jsonKey = VideoKeys.jsonKey(result.video());
        put(VideoKeys.outputKey(result.video()), SeedCsv.format(result), "text/csv; charset=utf-8", ResultLedger.metadata(result.etag(), false));
        put(jsonKey, json, "application/json", ResultLedger.metadata(result.etag(), false));
        send(result.video(), result.status().wireName(), json);
        markSent(jsonKey, json, result.etag());
    }

    /** Sends the stored result of a key whose message may not have gone out, then marks it sent. */
    public VideoResult resend(String jsonKey) {
        String json = retrier.call(() -> s3.getObjectAsBytes(request -> request.bucket(outputBucket).key(jsonKey)).asUtf8String());
        VideoResult result = Json.readResult(json);
        send(result.video(), result.status().wireName(), json);
        markSent(jsonKey, json, result.etag());
        return result;
    }

    private void send(String video, String status, String json) {
        String queueUrl = outputQueue.url();
        retrier.run(() -> sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(json)
                .messageAttributes(Map.of(
                        "video", text(video),
                        "status", text(status)))));
    }

    /**
     * The message is out; a failure here only risks one extra message on a later duplicate event, so it
     * is logged rather than failing the message (which would certainly send it twice).
     */
    private void markSent(String jsonKey, String json, String etag) {
        try {
            put(jsonKey, json, "application/json", ResultLedger.metadata(etag, true));
        } catch (RuntimeException e) {
            LOG.warn("result {} was sent but could not be marked sent: {}", jsonKey, e.getMessage());
        }
    }

    private void put(String key, String body, String contentType, Map<String, String> metadata) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        retrier.run(() -> s3.putObject(request -> request.bucket(outputBucket).key(key)
                .contentType(contentType).metadata(metadata), RequestBody.fromBytes(bytes)));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
