package org.classroom.localcloud.s3events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.classroom.common.events.S3Keys;
import org.junit.jupiter.api.Test;

/** Notification configurations: matching, XML both ways, event key encoding. */
class NotificationRulesTest {

    private static final String ARN = "arn:aws:sqs:us-east-1:000000000000:classroom-input";

    @Test
    void wildcardAndExactEventsWithPrefixAndSuffixFilters() {
        QueueNotification videos = new QueueNotification("v", ARN, List.of("s3:ObjectCreated:*"), null, ".mp4");
        QueueNotification puts = new QueueNotification("p", ARN, List.of("s3:ObjectCreated:Put"), "enrol/", null);

        assertThat(videos.matches("ObjectCreated:CompleteMultipartUpload", "a/b.mp4")).isTrue();
        assertThat(videos.matches("ObjectCreated:Put", "a/b.mp4.txt")).isFalse();
        assertThat(videos.matches("ObjectRemoved:Delete", "a/b.mp4")).isFalse();
        assertThat(puts.matches("ObjectCreated:Put", "enrol/ada/1.jpg")).isTrue();
        assertThat(puts.matches("ObjectCreated:Copy", "enrol/ada/1.jpg")).isFalse();
        assertThat(puts.queueName()).isEqualTo("classroom-input");
    }

    @Test
    void theXmlTheSdkSendsIsReadAndWrittenBack() {
        String xml = "<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><QueueConfiguration>"
                + "<Id>videos</Id><Queue>" + ARN + "</Queue><Event>s3:ObjectCreated:*</Event><Filter><S3Key><FilterRule>"
                + "<Name>Suffix</Name><Value>.mp4</Value></FilterRule></S3Key></Filter></QueueConfiguration>"
                + "</NotificationConfiguration>";

        List<QueueNotification> parsed = NotificationXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        List<QueueNotification> again = NotificationXml.parse(NotificationXml.write(parsed).getBytes(StandardCharsets.UTF_8));

        assertThat(parsed).containsExactly(new QueueNotification("videos", ARN, List.of("s3:ObjectCreated:*"), null, ".mp4"));
        assertThat(again).isEqualTo(parsed);
    }

    @Test
    void topicsAndBrokenXmlAreRefusedWithAReason() {
        assertThatThrownBy(() -> NotificationXml.parse(("<NotificationConfiguration><TopicConfiguration><Topic>arn:aws:sns:x</Topic>"
                + "</TopicConfiguration></NotificationConfiguration>").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("SQS queues only");
        assertThatThrownBy(() -> NotificationXml.parse("<NotificationConfiguration>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not well-formed");
    }

    @Test
    void virtualHostedRequestsBecomePathStyle() {
        org.classroom.localcloud.edge.EdgeRequest hosted = new org.classroom.localcloud.edge.EdgeRequest("PUT", "/a%20b.mp4",
                null, java.util.Map.of("Host", List.of("videos.localhost:4566")), new byte[0]);
        org.classroom.localcloud.edge.EdgeRequest plain = new org.classroom.localcloud.edge.EdgeRequest("PUT", "/videos/a.mp4",
                null, java.util.Map.of("Host", List.of("127.0.0.1:4566")), new byte[0]);

        assertThat(S3Gateway.pathStyle(hosted).rawPath()).isEqualTo("/videos/a%20b.mp4");
        assertThat(S3Gateway.pathStyle(plain)).isSameAs(plain);
    }

    @Test
    void eventKeysAreFormEncodedWithSlashesKept() {
        assertThat(S3Keys.encode("week 3/Zoë (1).mp4")).isEqualTo("week+3/Zo%C3%AB+%281%29.mp4");
    }
}
