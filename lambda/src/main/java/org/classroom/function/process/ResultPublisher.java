package org.classroom.function.process;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.classroom.common.format.EnrolmentKeys;
import org.classroom.common.format.Json;
import org.classroom.common.format.SeedCsv;
import org.classroom.common.format.VideoKeys;
import org.classroom.common.model.VideoResult;
import org.classroom.function.runtime.Retrier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Publishes a finished result under its claim, in an order that survives a crash at any point: the JSON
 * result into the results table (only the claim's holder can), then the course's CSV object into the
 * output bucket, then the queue message, then the "sent" mark. An invocation that finds a result stored
 * but not marked sent (its writer died) writes the CSV and sends once more.
 */
public final class ResultPublisher {

    private final S3Client s3;
    private final SqsClient sqs;
    private final String outputBucket;
    private final QueueAddress outputQueue;
    private final ResultLedger ledger;
    private final Retrier retrier;

    public ResultPublisher(S3Client s3, SqsClient sqs, String outputBucket, QueueAddress outputQueue, ResultLedger ledger,
                           Retrier retrier) {
        this.s3 = s3;
        this.sqs = sqs;
        this.outputBucket = outputBucket;
        this.outputQueue = outputQueue;
        this.ledger = ledger;
        this.retrier = retrier;
    }

    /** @return false when the claim was lost to another invocation, which then publishes instead */
    public boolean publish(ResultLedger.Claim claim, VideoResult result) {
        if (!ledger.store(claim, result)) {
            return false;
        }
        announce(claim, result, Json.write(result));
        return true;
    }

    /** Finishes what an invocation that died after storing the result left undone. */
    public VideoResult resend(ResultLedger.Claim claim) {
        VideoResult result = Json.readResult(claim.storedJson());
        announce(claim, result, claim.storedJson());
        return result;
    }

    private void announce(ResultLedger.Claim claim, VideoResult result, String json) {
        if (!EnrolmentKeys.isEnrolment(result.video())) {
            // The course's grader lists this bucket: one object per video, its CSV, and nothing else.
            writeCsv(result);
        }
        send(result.video(), result.status().wireName(), json);
        ledger.markSent(claim);
    }

    private void writeCsv(VideoResult result) {
        byte[] bytes = SeedCsv.format(result).getBytes(StandardCharsets.UTF_8);
        String key = VideoKeys.outputKey(result.video());
        retrier.run(() -> s3.putObject(request -> request.bucket(outputBucket).key(key)
                .contentType("text/csv; charset=utf-8"), RequestBody.fromBytes(bytes)));
    }

    private void send(String video, String status, String json) {
        String queueUrl = outputQueue.url();
        retrier.run(() -> sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(json)
                .messageAttributes(Map.of(
                        "video", text(video),
                        "status", text(status)))));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
