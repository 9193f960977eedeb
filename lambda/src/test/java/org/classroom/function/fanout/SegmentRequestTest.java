package org.classroom.function.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.classroom.common.format.Json;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.FaceBox;
import org.classroom.face.evidence.BestFrame;
import org.classroom.face.evidence.Filmstrip;
import org.classroom.face.segment.PartialResult;
import org.classroom.face.segment.Segment;
import org.classroom.face.segment.SegmentFrame;
import org.classroom.face.segment.SegmentPerson;
import org.junit.jupiter.api.Test;

/** The segment request and its answer on the wire. */
class SegmentRequestTest {

    @Test
    void aSegmentRequestReadsBackAsWrittenAndIsNoUploadEvent() throws Exception {
        SegmentRequest request = new SegmentRequest("input", "week 3/lecture.mp4", "abc", 1_880_000_000L,
                new Segment(2, 600, 900), 60);

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
    void aRequestWithoutAFilmstripShareGetsTheWholeDefaultLimit() throws Exception {
        var tree = Json.mapper().readTree("{\"segment\":{\"bucket\":\"input\",\"key\":\"a.mp4\",\"etag\":\"abc\","
                + "\"size\":100,\"index\":1,\"from\":300,\"to\":600}}");

        assertThat(SegmentRequest.from(tree).filmstripShare()).isEqualTo(Filmstrip.DEFAULT_MAX);
    }

    @Test
    void aPartialResultReadsBackWithItsFramesAndThumbnails() {
        FaceBox box = new FaceBox(5, 6, 7, 8);
        PartialResult partial = new PartialResult(new Segment(1, 300, 600), List.of(
                new SegmentPerson("mr_bean", 0.31, box, 400, 0.9, List.of(new Appearance(390, 410)), List.of())), 61,
                Map.of(), null, List.of(new SegmentFrame(400_000, 1280, 720, new byte[] {1, 2, 3},
                        List.of(new BestFrame.Face("mr_bean", box), new BestFrame.Face("unknown-1", box)))),
                List.of(new Filmstrip.Thumbnail(300, new byte[] {4}), new Filmstrip.Thumbnail(305, new byte[] {5, 6})));

        PartialResult read = PartialResults.read(Json.write(partial));

        assertThat(read.frames()).singleElement().satisfies(frame -> {
            assertThat(frame.millis()).isEqualTo(400_000);
            assertThat(frame.width()).isEqualTo(1280);
            assertThat(frame.height()).isEqualTo(720);
            assertThat(frame.jpeg()).containsExactly(1, 2, 3);
            assertThat(frame.faces()).containsExactly(new BestFrame.Face("mr_bean", box),
                    new BestFrame.Face("unknown-1", box));
        });
        assertThat(read.thumbnails()).extracting(Filmstrip.Thumbnail::seconds).containsExactly(300.0, 305.0);
        assertThat(read.thumbnails().get(1).jpeg()).containsExactly(5, 6);
    }

    @Test
    void anAnswerWithinTheLimitIsSentAsItIs() {
        PartialResult partial = crowd(3, 100_000, 10, 5_000);

        assertThat(AnswerSize.fit(partial, AnswerSize.MAX_BYTES)).isSameAs(partial);
    }

    @Test
    void aCrowdsAnswerLeavesOutTheLastFramesAndThenThumbnailsUntilItFitsTheLimitKeepingEveryCrop() {
        // 40 frames of 120 KB are 6.4 MB in base64 alone, above Lambda's 6 MB.
        PartialResult crowd = crowd(40, 120_000, 60, 5_000);
        assertThat(AnswerSize.bytes(crowd)).isGreaterThan(6_291_456);

        PartialResult fitted = AnswerSize.fit(crowd, AnswerSize.MAX_BYTES);

        assertThat(AnswerSize.bytes(fitted)).isLessThanOrEqualTo(AnswerSize.MAX_BYTES);
        assertThat(fitted.frames()).as("the first frames kept, the last left out").hasSizeBetween(20, 39)
                .isEqualTo(crowd.frames().subList(0, fitted.frames().size()));
        assertThat(fitted.thumbnails()).as("frames went first").hasSize(60);
        assertThat(fitted.people()).isEqualTo(crowd.people());
        assertThat(fitted.people()).allSatisfy(person -> assertThat(person.crop()).hasSize(3_000));

        PartialResult strip = AnswerSize.fit(crowd(0, 0, 2_000, 5_000), 4_000_000);
        assertThat(AnswerSize.bytes(strip)).isLessThanOrEqualTo(4_000_000);
        assertThat(strip.thumbnails()).as("every other thumbnail, still from the start to the end")
                .hasSize(500).first().extracting(Filmstrip.Thumbnail::seconds).isEqualTo(0.0);
        assertThat(strip.thumbnails().get(499).seconds()).isEqualTo(1_996.0);
    }

    /** A segment with this many people, each with a frame of that size, and thumbnails of that size. */
    private static PartialResult crowd(int people, int frameBytes, int thumbnails, int thumbnailBytes) {
        List<SegmentPerson> seen = new java.util.ArrayList<>();
        List<SegmentFrame> frames = new java.util.ArrayList<>();
        for (int i = 0; i < people; i++) {
            seen.add(new SegmentPerson(null, null, new FaceBox(i, 0, 10, 10), i, 0.9, List.of(new Appearance(i, i + 1)),
                    List.of(new double[128]), new byte[3_000]));
            frames.add(new SegmentFrame(i * 1000L, 1280, 720, new byte[frameBytes], List.of()));
        }
        List<Filmstrip.Thumbnail> strip = new java.util.ArrayList<>();
        for (int i = 0; i < thumbnails; i++) {
            strip.add(new Filmstrip.Thumbnail(i, new byte[thumbnailBytes]));
        }
        return new PartialResult(new Segment(1, 0, 3_000), seen, 600, Map.of(), null, frames, strip);
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
