package org.classroom.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.classroom.common.format.Json;
import org.junit.jupiter.api.Test;

class S3EventReaderTest {

    private static final S3ObjectEvent UPLOAD =
            new S3ObjectEvent("in", "week 3/Zoë (1).mp4", "\"abc\"", "ObjectCreated:Put", "0A1B");

    @Test
    void readsWhatTheWriterWrites() {
        String body = S3EventWriter.objectEvent(UPLOAD, "us-east-1", 5, "videos", "REQ");

        assertThat(body).contains("week+3/Zo%C3%AB+%281%29.mp4").doesNotContain("\\\"abc");
        assertThat(S3EventReader.read(body).objects())
                .containsExactly(new S3ObjectEvent("in", "week 3/Zoë (1).mp4", "abc", "ObjectCreated:Put", "0A1B"));
    }

    @Test
    void unwrapsSnsAndDropsRemovalsAndFolderMarkers() {
        String removal = S3EventWriter.objectEvent(
                new S3ObjectEvent("in", "x.mp4", "e", "ObjectRemoved:Delete", "01"), "us-east-1", 0, "c", "R");
        String folder = S3EventWriter.objectEvent(
                new S3ObjectEvent("in", "enrol/ada/", "e", "ObjectCreated:Put", "01"), "us-east-1", 0, "c", "R");
        String sns = Json.write(Map.of("Type", "Notification",
                "Message", S3EventWriter.objectEvent(UPLOAD, "us-east-1", 5, "c", "R")));

        assertThat(S3EventReader.read(removal).objects()).isEmpty();
        assertThat(S3EventReader.read(folder).objects()).isEmpty();
        assertThat(S3EventReader.read(sns).objects()).extracting(S3ObjectEvent::key).containsExactly("week 3/Zoë (1).mp4");
    }

    @Test
    void toldApartFromTestEventsAndOtherBodies() {
        assertThat(S3EventReader.read("{\"Event\":\"s3:TestEvent\"}").isTestEvent()).isTrue();
        assertThat(S3EventReader.read("{\"bucket\":\"b\",\"key\":\"k\"}").isNotANotification()).isTrue();
        assertThat(S3EventReader.isTestEvent("not json {")).isFalse();
    }
}
