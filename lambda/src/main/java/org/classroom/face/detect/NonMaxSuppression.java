package org.classroom.face.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression: best score first, drop any box overlapping a kept one too much. */
final class NonMaxSuppression {

    private NonMaxSuppression() {
    }

    /** A candidate box in any consistent unit. */
    record Box(double left, double top, double right, double bottom, double score, int index) {

        double area() {
            return Math.max(0, right - left) * Math.max(0, bottom - top);
        }

        double iou(Box other) {
            double w = Math.min(right, other.right) - Math.max(left, other.left);
            double h = Math.min(bottom, other.bottom) - Math.max(top, other.top);
            if (w <= 0 || h <= 0 || area() <= 0 || other.area() <= 0) {
                return 0;
            }
            double intersection = w * h;
            return intersection / (area() + other.area() - intersection);
        }
    }

    static List<Box> apply(List<Box> candidates, double maxIou, int maxResults) {
        List<Box> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Box::score).reversed());
        List<Box> kept = new ArrayList<>();
        for (Box box : sorted) {
            if (kept.size() >= maxResults) {
                break;
            }
            if (kept.stream().allMatch(k -> k.iou(box) <= maxIou)) {
                kept.add(box);
            }
        }
        return kept;
    }
}
