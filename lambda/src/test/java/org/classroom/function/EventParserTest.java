package org.classroom.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.classroom.common.format.Json;
import org.classroom.function.event.EventMessage;
import org.classroom.function.event.EventParser;
import org.classroom.function.event.InvocationEvent;
import org.classroom.function.event.ObjectRef;
import org.junit.jupiter.api.Test;

class EventParserTest {

    private final EventParser parser = new EventParser();

    @Test
    void sqsEventKeepsEveryRecordOfEveryMessageAndDropsTestAndRemovalEvents() {
        InvocationEvent event = parser.parse(fixture("sqs-s3-notifications.json"));

        assertThat(event.shape()).isEqualTo(InvocationEvent.Shape.SQS);
        assertThat(event.messages()).extracting(EventMessage::messageId).containsExactly("m-1", "m-2", "m-3", "m-4");
        assertThat(event.messages().get(0).objects()).containsExactly(
                new ObjectRef("classroom-input", "test_0.mp4", "aaa111", "ObjectCreated:Put", "0055AED6DCD90281E5"),
                new ObjectRef("classroom-input", "lecture notes/week 1 été.mp4", "bbb222", "ObjectCreated:CompleteMultipartUpload",
                        "0055AED6DCD90281E5"));
        assertThat(event.messages().get(1).objects()).isEmpty();
        assertThat(event.messages().get(1).ignored()).isEqualTo("s3:TestEvent");
        assertThat(event.messages().get(2).objects()).isEmpty();
        assertThat(event.messages().get(3).objects()).extracting(ObjectRef::key).containsExactly("enrol/ada lovelace/photo.jpg");
        assertThat(event.allObjects()).hasSize(3);
    }

    @Test
    void sqsEventWrittenByTheLambdaSerializerReadsTheSame() throws IOException {
        SQSEvent loaded = EventLoader.loadSQSEvent("function-events/sqs-s3-notifications.json");
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader()).toJson(loaded, json);

        InvocationEvent event = parser.parse(Json.mapper().readTree(json.toByteArray()));

        assertThat(event).isEqualTo(parser.parse(fixture("sqs-s3-notifications.json")));
    }

    @Test
    void directS3EventDecodesKeysAndStripsQuotedEtags() {
        InvocationEvent event = parser.parse(fixture("s3-direct.json"));

        assertThat(event.shape()).isEqualTo(InvocationEvent.Shape.S3);
        assertThat(event.messages()).singleElement().satisfies(message -> assertThat(message.messageId()).isNull());
        assertThat(event.allObjects()).containsExactly(
                new ObjectRef("classroom-input", "my clip (1).mp4", "eee555", "ObjectCreated:Post", "0055AED6DCD90281E6"),
                new ObjectRef("classroom-input", "folder+plus%.mp4", "fff666", "ObjectCreated:Copy", "01"));
    }

    @Test
    void s3TestEventAsksForNothing() {
        InvocationEvent event = parser.parse(fixture("s3-test-event.json"));

        assertThat(event.allObjects()).isEmpty();
        assertThat(event.messages()).singleElement().extracting(EventMessage::ignored).isEqualTo("s3:TestEvent");
    }

    @Test
    void plainTestEventTakesTheKeyAsWritten() {
        InvocationEvent event = parser.parse(fixture("direct.json"));

        assertThat(event.shape()).isEqualTo(InvocationEvent.Shape.DIRECT);
        assertThat(event.allObjects()).containsExactly(ObjectRef.of("classroom-input", "a+b c.mp4"));
    }

    @Test
    void sqsBodiesThatAreNotNotificationsAreIgnoredNotFatal() throws IOException {
        String event = """
                {"Records": [
                  {"messageId": "a", "body": "not json", "eventSource": "aws:sqs"},
                  {"messageId": "b", "body": "{\\"hello\\": 1}", "eventSource": "aws:sqs"},
                  {"messageId": "c", "body": "{\\"bucket\\": \\"in\\", \\"key\\": \\"x.mp4\\"}", "eventSource": "aws:sqs"},
                  {"messageId": "d", "body": "{\\"Type\\": \\"Notification\\", \\"Message\\": \\"{\\\\\\"bucket\\\\\\": \\\\\\"in\\\\\\", \\\\\\"key\\\\\\": \\\\\\"y.mp4\\\\\\"}\\"}", "eventSource": "aws:sqs"}
                ]}""";

        InvocationEvent parsed = parser.parse(Json.mapper().readTree(event));

        assertThat(parsed.messages()).extracting(EventMessage::ignored)
                .containsExactly("message body is not JSON", "message body is not an S3 event notification", null, null);
        assertThat(parsed.allObjects()).extracting(ObjectRef::key).containsExactly("x.mp4", "y.mp4");
    }

    @Test
    void unknownShapesAreRefusedWithWhatWasExpected() throws IOException {
        assertThatThrownBy(() -> parser.parse(Json.mapper().readTree("{\"hello\": 1}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected an SQS event");
        assertThatThrownBy(() -> parser.parse(Json.mapper().readTree("[1, 2]")))
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parser.parse(Json.mapper().readTree("{\"Records\": [{\"s3\": {}}]}")))
                .hasMessageContaining("no bucket name or object key");
    }

    @Test
    void folderMarkersAreNotVideos() throws IOException {
        String event = """
                {"Records": [{"eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": "in"}, "object": {"key": "enrol%2Fada%2F", "eTag": "e"}}},
                             {"eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": "in"}, "object": {"key": "enrol%2Fada%2Fme.jpg", "eTag": "f"}}}]}""";

        assertThat(parser.parse(Json.mapper().readTree(event)).allObjects()).extracting(ObjectRef::key)
                .containsExactly("enrol/ada/me.jpg");
    }

    @Test
    void emptySqsBatchIsEmpty() throws IOException {
        assertThat(parser.parse(Json.mapper().readTree("{\"Records\": []}")).messages()).isEqualTo(List.of());
    }

    static JsonNode fixture(String name) {
        try (InputStream in = EventParserTest.class.getResourceAsStream("/function-events/" + name)) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
