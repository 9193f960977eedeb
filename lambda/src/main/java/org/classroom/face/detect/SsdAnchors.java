package org.classroom.face.detect;

/**
 * The SSD's anchors for inputs other than the one it was trained on. Each of the six heads has a fixed set of
 * anchor shapes repeated at the centre of every cell of its grid, {@code ((row + 0.5) / grid, (col + 0.5) / grid)};
 * the model stores them laid out for a 512×512 input (grids 32, 16, 8, 4, 2, 1: cells 16, 32, ... 512 pixels wide).
 * A convolutional head answers to faces of a size in <em>pixels</em>, so on another input each anchor keeps its size
 * and its cell's place in pixels: a face is found with the same box at any input size, as long as it fits. (Keeping
 * the sizes as fractions of the input instead shrinks every box by the input's ratio to 512.)
 */
final class SsdAnchors {

    /** Grids of the trained layout, and anchors per cell of each head. */
    static final int[] TRAINED_GRIDS = {32, 16, 8, 4, 2, 1};
    static final int[] PER_CELL = {3, 6, 6, 6, 6, 6};

    private SsdAnchors() {
    }

    /** The same for a square input of {@code size} with square grids. */
    static float[] forInput(float[] trained, int size, int[] grids) {
        return forInput(trained, size, size, grids, grids);
    }

    /**
     * @param trained the stored anchors, {@code [ymin, xmin, ymax, xmax]} per anchor, trained layout
     * @param width   the new input's width in pixels
     * @param height  the new input's height in pixels
     * @param rows    the grid's rows at each head at that input
     * @param columns the grid's columns at each head
     * @return the anchors as fractions of the new input's width and height
     */
    static float[] forInput(float[] trained, int width, int height, int[] rows, int[] columns) {
        int total = 0;
        int trainedTotal = 0;
        for (int head = 0; head < rows.length; head++) {
            total += rows[head] * columns[head] * PER_CELL[head];
            trainedTotal += TRAINED_GRIDS[head] * TRAINED_GRIDS[head] * PER_CELL[head];
        }
        if (trained.length != trainedTotal * 4) {
            throw new IllegalArgumentException("expected " + trainedTotal + " trained anchors, got " + trained.length / 4);
        }
        double xs = (double) SsdMobilenetNetwork.TRAINED_SIZE / width;
        double ys = (double) SsdMobilenetNetwork.TRAINED_SIZE / height;
        float[] anchors = new float[total * 4];
        int from = 0;
        int to = 0;
        for (int head = 0; head < rows.length; head++) {
            // A cell's side in pixels is the head's stride, whatever the input's size.
            double cellX = xs / TRAINED_GRIDS[head];
            double cellY = ys / TRAINED_GRIDS[head];
            for (int row = 0; row < rows[head]; row++) {
                for (int col = 0; col < columns[head]; col++) {
                    double cy = (row + 0.5) * cellY;
                    double cx = (col + 0.5) * cellX;
                    for (int a = 0; a < PER_CELL[head]; a++, to++) {
                        // the shape of this anchor in the trained layout's first cell
                        int shape = 4 * (from + a);
                        double halfH = (trained[shape + 2] - trained[shape]) / 2 * ys;
                        double halfW = (trained[shape + 3] - trained[shape + 1]) / 2 * xs;
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
