package org.classroom.relay.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.classroom.common.events.S3EventReader;
import org.classroom.common.events.S3ObjectEvent;
import org.classroom.common.format.Json;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class EventFormatsTest {

    static String s3Event(String encodedKey) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                "s3":{"bucket":{"name":"classroom-input"},"object":{"key":"%s","size":5,"eTag":"abc","sequencer":"01"}}}]}
                """.formatted(encodedKey);
    }

    @Test
    void readsTheDecodedKeyOfAnS3Event() {
        List<S3ObjectEvent> objects = S3EventReader.read(s3Event("lecture+one%2Ftest_0.mp4")).objects();
        assertThat(objects).containsExactly(
                new S3ObjectEvent("classroom-input", "lecture one/test_0.mp4", "abc", "ObjectCreated:Put", "01"));
        assertThat(S3EventReader.isTestEvent(s3Event("x.mp4"))).isFalse();
    }

    @Test
    void recognisesS3TestEventsAndIgnoresGarbage() {
        String test = "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"classroom-input\"}";
        assertThat(S3EventReader.isTestEvent(test)).isTrue();
        assertThat(S3EventReader.read(test).objects()).isEmpty();
        assertThat(S3EventReader.isTestEvent("not json {")).isFalse();
        assertThat(S3EventReader.read("[1,2]").objects()).isEmpty();
    }

    @Test
    void buildsTheEventLambdasSqsTriggerWouldPass() throws Exception {
        Message message = Message.builder().messageId("m-1").receiptHandle("r-1").body(s3Event("test_0.mp4"))
                .md5OfBody("md5").attributes(Map.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2",
                        MessageSystemAttributeName.SENT_TIMESTAMP, "1700000000000"))
                .messageAttributes(Map.of("origin", MessageAttributeValue.builder().dataType("String")
                        .stringValue("desktop").build()))
                .build();
        JsonNode event = Json.mapper().readTree(SqsEvent.of(List.of(message),
                "arn:aws:sqs:us-east-1:000000000000:classroom-input", "us-east-1"));
        JsonNode record = event.path("Records").get(0);
        assertThat(event.path("Records")).hasSize(1);
        assertThat(record.path("messageId").asText()).isEqualTo("m-1");
        assertThat(record.path("receiptHandle").asText()).isEqualTo("r-1");
        assertThat(record.path("body").asText()).isEqualTo(s3Event("test_0.mp4"));
        assertThat(record.path("attributes").path("ApproximateReceiveCount").asText()).isEqualTo("2");
        assertThat(record.path("attributes").path("SentTimestamp").asText()).isEqualTo("1700000000000");
        assertThat(record.path("messageAttributes").path("origin").path("stringValue").asText()).isEqualTo("desktop");
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:sqs");
        assertThat(record.path("eventSourceARN").asText()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:classroom-input");
        assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
    }

    @Test
    void allButTheReportedFailuresAreDone() {
        List<String> ids = List.of("a", "b", "c");
        assertThat(BatchOutcome.done(ids, new FunctionInvoker.FunctionReply(null, "")))
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThat(BatchOutcome.done(ids, new FunctionInvoker.FunctionReply(null, "null")))
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThat(BatchOutcome.done(ids, new FunctionInvoker.FunctionReply(null,
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"b\"}]}"))).containsExactlyInAnyOrder("a", "c");
        assertThat(BatchOutcome.done(ids, new FunctionInvoker.FunctionReply(null,
                "{\"batchItemFailures\":[]}"))).hasSize(3);
    }

    @Test
    void aFunctionErrorOrAnUnknownFailureIdFinishesNothing() {
        List<String> ids = List.of("a", "b");
        assertThat(BatchOutcome.done(ids, new FunctionInvoker.FunctionReply("Unhandled",
                "{\"errorMessage\":\"boom\"}"))).isEmpty();
        assertThat(BatchOutcome.done(ids, new FunctionInvoker.FunctionReply(null,
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"zzz\"}]}"))).isEmpty();
    }

    @Test
    void aReplyThatIsNotAValidPartialBatchResponseFailsTheWholeBatch() {
        List<String> ids = List.of("a", "b");
        // As Lambda's own SQS trigger does: an unparseable response is a failure of the whole batch.
        for (String reply : List.of("{\"batchItemFailures\":[", "not json", "<html>502</html>", "[1,2]", "42",
                "{\"batchItemFailures\":{\"itemIdentifier\":\"a\"}}", "{\"batchItemFailures\":[\"a\"]}")) {
            assertThat(BatchOutcome.done(ids, new FunctionInvoker.FunctionReply(null, reply))).as(reply).isEmpty();
            assertThat(BatchOutcome.of(ids, new FunctionInvoker.FunctionReply(null, reply)).wholeBatchFailed())
                    .as(reply).isTrue();
        }
        assertThat(BatchOutcome.of(ids, new FunctionInvoker.FunctionReply(null, "{}")).wholeBatchFailed()).isFalse();
    }
}
