package org.classroom.face.track;

import org.classroom.common.model.FaceBox;

/** Intersection over union of two boxes: 1 for the same box, 0 for boxes apart. */
final class BoxOverlap {

    private BoxOverlap() {
    }

    static double iou(FaceBox a, FaceBox b) {
        double left = Math.max(a.x(), b.x());
        double top = Math.max(a.y(), b.y());
        double right = Math.min(a.x() + a.width(), b.x() + b.width());
        double bottom = Math.min(a.y() + a.height(), b.y() + b.height());
        double inter = Math.max(0, right - left) * Math.max(0, bottom - top);
        double union = (double) a.width() * a.height() + (double) b.width() * b.height() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
