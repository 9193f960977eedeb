package org.classroom.face.video;

import java.util.ArrayList;
import java.util.List;

/**
 * The sample times of a long clip: as many key frames as keep the samples about {@code maxSpacing}
 * apart (a key frame decodes on its own after a seek), plus evenly spaced frames where key frames are
 * further apart than that (those cost decoding from the key frame before them). Without key frame
 * times (a stream with no index) it is an even grid.
 */
final class KeyframeSchedule {

    private KeyframeSchedule() {
    }

    /**
     * @param keyframes   key frame times in seconds, any order
     * @param duration    the clip's length in seconds (above 0)
     * @param maxSpacing  the most time between two samples, and from the last sample to the end
     */
    static List<Double> plan(List<Double> keyframes, double duration, double maxSpacing) {
        List<Double> anchors = new ArrayList<>();
        keyframes.stream().filter(time -> time > 0 && time < duration).sorted().distinct().forEach(anchors::add);
        List<Double> times = new ArrayList<>();
        double last = 0;
        times.add(last);
        int next = 0;
        while (duration - last > maxSpacing) {
            // The furthest key frame still within reach keeps the samples (and the cost) fewest.
            int reachable = -1;
            while (next < anchors.size() && anchors.get(next) <= last + maxSpacing) {
                reachable = next++;
            }
            if (reachable >= 0) {
                last = anchors.get(reachable);
            } else {
                double target = next < anchors.size() ? anchors.get(next) : duration;
                int steps = (int) Math.ceil((target - last) / maxSpacing);
                last += (target - last) / steps;
            }
            times.add(last);
        }
        return times;
    }
}
