package org.classroom.face.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Adds up the time spent in each stage of one clip, in milliseconds. */
final class StageClock {

    static final String OPEN = "open";
    static final String DECODE = "decode";
    static final String DETECT = "detect";
    static final String LANDMARKS = "landmarks";
    static final String ALIGN = "align";
    static final String ENCODE = "encode";
    /** Cutting and compressing the face crop of each encoded view. */
    static final String CROP = "crop";
    /** Keeping best-view frames and filmstrip thumbnails ({@link FrameKeeper}). */
    static final String FRAMES = "frames";
    static final String MATCH = "match";
    static final String TOTAL = "total";

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final long started = System.nanoTime();

    StageClock() {
        for (String stage : new String[] {OPEN, DECODE, DETECT, LANDMARKS, ALIGN, ENCODE, CROP, FRAMES, MATCH}) {
            nanos.put(stage, 0L);
        }
    }

    /** Starts timing; pass the result to {@link #stop}. */
    long start() {
        return System.nanoTime();
    }

    void stop(String stage, long startedAt) {
        nanos.merge(stage, System.nanoTime() - startedAt, Long::sum);
    }

    /** Each stage and the total so far, in milliseconds to 0.01. */
    Map<String, Double> millis() {
        Map<String, Double> result = new LinkedHashMap<>();
        nanos.forEach((stage, value) -> result.put(stage, round(value)));
        result.put(TOTAL, round(System.nanoTime() - started));
        return result;
    }

    private static double round(long value) {
        return Math.round(value / 1e4) / 100.0;
    }
}
