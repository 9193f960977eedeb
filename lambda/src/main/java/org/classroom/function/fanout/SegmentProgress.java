package org.classroom.function.fanout;

/**
 * Told how a fanned-out recording goes: how many segments it was split into, how far into a segment this
 * invocation does itself it has looked (the segments run at once and are about as long, so that stands for all of
 * them), and each one done.
 */
public interface SegmentProgress {

    /** Nobody listening. */
    SegmentProgress NONE = new SegmentProgress() {
        @Override
        public void split(int segments) {
        }

        @Override
        public void ownSegment(double fraction) {
        }

        @Override
        public void startedElsewhere() {
        }

        @Override
        public void endedElsewhere() {
        }

        @Override
        public void segmentDone(boolean here) {
        }
    };

    void split(int segments);

    /** @param fraction how far into the segment this invocation is doing, 0 to 1 */
    void ownSegment(double fraction);

    /** Another invocation started on a segment. */
    void startedElsewhere();

    /** Another invocation's segment ended, done or not. */
    void endedElsewhere();

    /** @param here whether this invocation did it */
    void segmentDone(boolean here);
}
