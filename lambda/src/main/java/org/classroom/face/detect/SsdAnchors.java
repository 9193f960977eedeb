package org.classroom.face.detect;

/**
 * The SSD's anchors for feature grids other than the ones it was trained on. Each of the six heads has
 * a fixed set of anchor shapes (height and width, in 0..1 of the square) repeated at the centre of every
 * grid cell, {@code ((row + 0.5) / grid, (col + 0.5) / grid)}; the model stores them laid out for a 512
 * input (grids 32, 16, 8, 4, 2, 1). A smaller input has smaller grids: keep the shapes, move the centres.
 */
final class SsdAnchors {

    /** Grids of the trained layout, and anchors per cell of each head. */
    static final int[] TRAINED_GRIDS = {32, 16, 8, 4, 2, 1};
    static final int[] PER_CELL = {3, 6, 6, 6, 6, 6};

    private SsdAnchors() {
    }

    /**
     * @param trained the stored anchors, {@code [ymin, xmin, ymax, xmax]} per anchor, trained layout
     * @param grids   the grid size of each head at the new input size
     */
    static float[] regrid(float[] trained, int[] grids) {
        int total = 0;
        int trainedTotal = 0;
        for (int head = 0; head < grids.length; head++) {
            total += grids[head] * grids[head] * PER_CELL[head];
            trainedTotal += TRAINED_GRIDS[head] * TRAINED_GRIDS[head] * PER_CELL[head];
        }
        if (trained.length != trainedTotal * 4) {
            throw new IllegalArgumentException("expected " + trainedTotal + " trained anchors, got " + trained.length / 4);
        }
        float[] anchors = new float[total * 4];
        int from = 0;
        int to = 0;
        for (int head = 0; head < grids.length; head++) {
            int grid = grids[head];
            for (int row = 0; row < grid; row++) {
                for (int col = 0; col < grid; col++) {
                    double cy = (row + 0.5) / grid;
                    double cx = (col + 0.5) / grid;
                    for (int a = 0; a < PER_CELL[head]; a++, to++) {
                        // the shape of this anchor in the trained layout's first cell
                        int shape = 4 * (from + a);
                        double halfH = (trained[shape + 2] - trained[shape]) / 2;
                        double halfW = (trained[shape + 3] - trained[shape + 1]) / 2;
                        anchors[4 * to] = (float) (cy - halfH);
                        anchors[4 * to + 1] = (float) (cx - halfW);
                        anchors[4 * to + 2] = (float) (cy + halfH);
                        anchors[4 * to + 3] = (float) (cx + halfW);
                    }
                }
            }
            from += TRAINED_GRIDS[head] * TRAINED_GRIDS[head] * PER_CELL[head];
        }
        return anchors;
    }
}
