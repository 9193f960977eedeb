package org.classroom.function.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.Progress;
import org.classroom.common.model.VideoResult;
import org.classroom.face.segment.PartialResult;
import org.classroom.face.segment.Segment;
import org.classroom.face.segment.SegmentMerge;
import org.classroom.face.segment.SegmentPerson;
import org.classroom.face.segment.SegmentPlan;
import org.classroom.function.event.ObjectRef;
import org.classroom.function.process.VideoProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** The coordinator with stand-ins for invocations: who does which segment, retries, throttling. */
class FanOutTest {

    /** The upload's size in bytes, which each segment request carries. */
    private static final long SIZE = 400_000_000;
    private static final ObjectRef LECTURE = new ObjectRef("input", "lecture.mp4", "abc", null);
    /** Four 5-minute segments of a 20-minute recording; Biden on screen 290–310 s, across the first boundary. */
    private static final double LENGTH = 1200;

    private final Queue<String> log = new ConcurrentLinkedQueue<>();
    private final Map<Integer, AtomicInteger> remoteCalls = new ConcurrentHashMap<>();
    private FanOut fanOut;

    @AfterEach
    void close() {
        if (fanOut != null) {
            fanOut.close();
        }
    }

    @Test
    void theFirstSegmentIsDoneHereTheOthersByInvocationsAndTheResultIsMerged() {
        fanOut = fanOut(request -> {
            log.add("remote " + request.segment().index());
            assertThat(request.etag()).as("the claimed version").isEqualTo("abc");
            assertThat(request.size()).as("read by ranges without asking for its size").isEqualTo(SIZE);
            assertThat(request.filmstripShare()).as("a quarter of the filmstrip's 360 thumbnails").isEqualTo(90);
            return partial(request.segment());
        }, 2);

        VideoProgress progress = new VideoProgress();
        VideoResult result = fanOut.recognise(LECTURE, "abc", SIZE, LENGTH, progress).result();

        assertThat(log).containsExactlyInAnyOrder("here 0", "remote 1", "remote 2", "remote 3");
        assertThat(progress.current()).as("every segment counted done").contains(new Progress(1.0, 4, 4));
        assertThat(result.people()).singleElement().satisfies(biden ->
                assertThat(biden.appearances()).containsExactly(new Appearance(290, 310)));
    }

    @Test
    void progressTellsTheSplitHowFarTheSegmentDoneHereIsAndEachSegmentDone() {
        Queue<String> told = new ConcurrentLinkedQueue<>();
        fanOut = fanOut(request -> partial(request.segment()), 2);

        fanOut.recognise(LECTURE, "abc", SIZE, LENGTH, new SegmentProgress() {
            @Override
            public void split(int segments) {
                told.add("split " + segments);
            }

            @Override
            public void ownSegment(double fraction) {
                told.add("here at " + fraction);
            }

            @Override
            public void startedElsewhere() {
                told.add("started elsewhere");
            }

            @Override
            public void endedElsewhere() {
                told.add("ended elsewhere");
            }

            @Override
            public void segmentDone(boolean here) {
                told.add(here ? "done here" : "done elsewhere");
            }
        });

        assertThat(told.peek()).isEqualTo("split 4");
        assertThat(told).contains("here at 0.5");
        assertThat(told).filteredOn("done here"::equals).hasSize(1);
        assertThat(told).filteredOn("done elsewhere"::equals).hasSize(3);
        assertThat(told).filteredOn("started elsewhere"::equals).hasSize(3);
        assertThat(told).filteredOn("ended elsewhere"::equals).hasSize(3);
    }

    @Test
    void aThrottledSegmentIsDoneHereInsteadSoALimitOfOneCannotDeadlock() {
        fanOut = fanOut(request -> {
            throw new SegmentInvoker.Throttled(TooManyRequestsException.builder().message("limit").build());
        }, 1);

        VideoResult result = fanOut.recognise(LECTURE, "abc", SIZE, LENGTH).result();

        assertThat(log).containsExactlyInAnyOrder("here 0", "here 1", "here 2", "here 3");
        assertThat(result.people()).hasSize(1);
    }

    @Test
    void aSegmentThatFailsOnceIsTriedAgainAloneAndTheOthersAreNotRedone() {
        fanOut = fanOut(request -> {
            int call = remoteCalls.computeIfAbsent(request.segment().index(), index -> new AtomicInteger()).incrementAndGet();
            log.add("remote " + request.segment().index() + " try " + call);
            if (request.segment().index() == 2 && call == 1) {
                throw new IllegalStateException("the container died");
            }
            return partial(request.segment());
        }, 2);

        VideoResult result = fanOut.recognise(LECTURE, "abc", SIZE, LENGTH).result();

        assertThat(log).containsExactlyInAnyOrder("here 0", "remote 1 try 1", "remote 2 try 1", "remote 2 try 2",
                "remote 3 try 1");
        assertThat(result.people()).hasSize(1);
    }

    @Test
    void aSegmentThatFailsEveryTimeFailsTheVideoForItsMessageToBeRetried() {
        fanOut = fanOut(request -> {
            if (request.segment().index() == 3) {
                throw new IllegalStateException("the segment's invocation timed out");
            }
            return partial(request.segment());
        }, 2);

        assertThatThrownBy(() -> fanOut.recognise(LECTURE, "abc", SIZE, LENGTH))
                .isInstanceOf(FanOut.SegmentsFailed.class)
                .hasMessageContaining("lecture.mp4").hasMessageContaining("timed out");
    }

    @Test
    void onlyRecordingsLongerThanTheSegmentLengthAreSplit() {
        fanOut = fanOut(request -> partial(request.segment()), 1);
        assertThat(fanOut.applies(300)).isFalse();
        assertThat(fanOut.applies(301)).isTrue();
        assertThat(fanOut.mightApply(322_588)).as("a course clip's length is not even read").isFalse();
        assertThat(fanOut.mightApply(200_000_000)).isTrue();
    }

    private FanOut fanOut(FanOut.Remote remote, int attempts) {
        FanOut.Local here = (request, progress) -> {
            progress.reached(0.5);
            log.add("here " + request.segment().index());
            return partial(request.segment());
        };
        return new FanOut(new SegmentPlan(300, 10, 5), remote, here, new SegmentMerge(7.5, 12.5, 0.5), attempts);
    }

    /** Biden in the first two segments, on either side of the boundary at 300 s. */
    private static PartialResult partial(Segment segment) {
        List<SegmentPerson> people = switch (segment.index()) {
            case 0 -> List.of(biden(290, 295));
            case 1 -> List.of(biden(300, 310));
            default -> List.of();
        };
        return new PartialResult(segment, people, 60, Map.of(), null);
    }

    private static SegmentPerson biden(double from, double to) {
        return new SegmentPerson("president_biden", 0.4, new FaceBox(1, 2, 3, 4), from, 0.9,
                List.of(new Appearance(from, to)), List.of(new double[128]));
    }
}
