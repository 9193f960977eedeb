package org.classroom.function.fanout;

/** Told how a fanned-out recording goes: how many segments it was split into, and each one done. */
public interface SegmentProgress {

    /** Nobody listening. */
    SegmentProgress NONE = new SegmentProgress() {
        @Override
        public void split(int segments) {
        }

        @Override
        public void segmentDone() {
        }
    };

    void split(int segments);

    void segmentDone();
}
