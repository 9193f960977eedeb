package org.classroom.function.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.classroom.common.format.Json;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.FaceBox;
import org.classroom.face.segment.PartialResult;
import org.classroom.face.segment.Segment;
import org.classroom.face.segment.SegmentPerson;
import org.junit.jupiter.api.Test;

/** The segment request and its answer on the wire. */
class SegmentRequestTest {

    @Test
    void aSegmentRequestReadsBackAsWrittenAndIsNoUploadEvent() throws Exception {
        SegmentRequest request = new SegmentRequest("input", "week 3/lecture.mp4", "abc", 1_880_000_000L,
                new Segment(2, 600, 900));

        var tree = Json.mapper().readTree(request.toJson());

        assertThat(SegmentRequest.isOne(tree)).isTrue();
        assertThat(SegmentRequest.from(tree)).isEqualTo(request);
        assertThat(SegmentRequest.isOne(Json.mapper().readTree("{\"bucket\":\"input\",\"key\":\"a.mp4\"}"))).isFalse();
        assertThat(SegmentRequest.isOne(Json.mapper().readTree("{\"Records\":[]}"))).isFalse();
    }

    @Test
    void aSegmentRequestWithoutTheUploadsSizeIsRefused() throws Exception {
        var tree = Json.mapper().readTree("{\"segment\":{\"bucket\":\"input\",\"key\":\"a.mp4\",\"etag\":\"abc\","
                + "\"index\":1,\"from\":300,\"to\":600}}");

        assertThatThrownBy(() -> SegmentRequest.from(tree)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size");
    }

    @Test
    void aPartialResultReadsBackWithItsDescriptors() {
        double[] descriptor = new double[128];
        descriptor[5] = 0.123456789012345;
        PartialResult partial = new PartialResult(new Segment(1, 300, 600), List.of(
                new SegmentPerson(null, null, new FaceBox(1, 2, 3, 4), 301.5, 0.7, List.of(new Appearance(300, 320)),
                        List.of(descriptor)),
                new SegmentPerson("mr_bean", 0.31, new FaceBox(5, 6, 7, 8), 400, 0.9, List.of(new Appearance(390, 410)),
                        List.of(descriptor), new byte[] {(byte) 0xff, (byte) 0xd8, 0, 1})), 61, Map.of("detect", 12.5), null);

        PartialResult read = PartialResults.read(Json.write(partial));

        assertThat(read.segment()).isEqualTo(partial.segment());
        assertThat(read.samples()).isEqualTo(61);
        assertThat(read.valid()).isTrue();
        assertThat(read.people()).hasSize(2);
        assertThat(read.people().get(0).named()).isFalse();
        assertThat(read.people().get(0).descriptors().get(0)).containsExactly(descriptor);
        assertThat(read.people().get(1).distance()).isEqualTo(0.31);
        assertThat(read.people().get(1).appearances()).containsExactly(new Appearance(390, 410));
        assertThat(read.people().get(1).crop()).as("the face crop travels with its person")
                .containsExactly((byte) 0xff, (byte) 0xd8, 0, 1);
        assertThat(read.people().get(0).crop()).isNull();
    }
}
