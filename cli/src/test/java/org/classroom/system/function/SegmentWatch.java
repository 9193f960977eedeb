package org.classroom.system.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.classroom.common.format.Json;
import org.classroom.function.fanout.SegmentRequest;

/**
 * The function as the Lambda endpoint runs it, watched: counts the segment requests each segment gets, notes the
 * largest answer to one, and can make the first request for one segment fail as a crashed container would.
 */
final class SegmentWatch implements RequestStreamHandler {

    private final RequestStreamHandler function;
    private final Map<Integer, AtomicInteger> requests = new ConcurrentHashMap<>();
    private volatile int failFirstRequestFor = -1;
    private final java.util.concurrent.atomic.AtomicLong largestAnswer = new java.util.concurrent.atomic.AtomicLong();

    SegmentWatch(RequestStreamHandler function) {
        this.function = function;
    }

    /** The first request for this segment from now on fails. */
    void failOnce(int segment) {
        requests.clear();
        failFirstRequestFor = segment;
    }

    /** Segment index → requests received, since the last {@link #reset}. */
    Map<Integer, Integer> requests() {
        Map<Integer, Integer> counts = new TreeMap<>();
        requests.forEach((segment, count) -> counts.put(segment, count.get()));
        return counts;
    }

    /** The most bytes a segment invocation answered with, since the last {@link #reset}. */
    long largestAnswer() {
        return largestAnswer.get();
    }

    void reset() {
        largestAnswer.set(0);
        requests.clear();
        failFirstRequestFor = -1;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        JsonNode root = Json.mapper().readTree(event);
        if (SegmentRequest.isOne(root)) {
            int segment = SegmentRequest.from(root).segment().index();
            int count = requests.computeIfAbsent(segment, index -> new AtomicInteger()).incrementAndGet();
            if (segment == failFirstRequestFor && count == 1) {
                throw new IllegalStateException("segment " + segment + "'s container died");
            }
        }
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(event), answer, context);
        if (SegmentRequest.isOne(root)) {
            largestAnswer.accumulateAndGet(answer.size(), Math::max);
        }
        answer.writeTo(output);
    }
}
