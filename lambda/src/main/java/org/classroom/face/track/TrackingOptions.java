package org.classroom.face.track;

/**
 * How faces are followed from one sample to the next.
 *
 * @param steadyOverlap     a face whose box overlaps a track's last box at least this much (intersection
 *                          over union) is taken to be that track without encoding it, unless the track is
 *                          due for a fresh view
 * @param sameFaceDistance  an encoded face this near (descriptor distance) to a track's views continues it
 * @param firstViews        a track's first this many samples are all encoded (the views that decide it)
 * @param maxEncodeGap      the most samples between two encodings of a steady track; the gap grows with
 *                          each view up to this, so a face on screen for an hour is encoded a few dozen times
 * @param maxViews          views kept per track (the most frontal)
 * @param maxMissedSamples  a track survives this many samples without its face (a detector miss, a turn)
 */
public record TrackingOptions(double steadyOverlap, double sameFaceDistance, int firstViews, int maxEncodeGap,
                              int maxViews, int maxMissedSamples) {

    public static TrackingOptions defaults(double sameFaceDistance) {
        return new TrackingOptions(0.5, sameFaceDistance, 3, 32, 8, 1);
    }
}
