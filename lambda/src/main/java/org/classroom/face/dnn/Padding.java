package org.classroom.face.dnn;

/**
 * How a convolution or pooling window treats the border, resolved to explicit pads once the input
 * size is known.
 *
 * <p>{@link #SAME} follows TensorFlow: the output is {@code ceil(in / stride)} and the total padding
 * is split with the smaller half <em>before</em>, so a stride-2 window on an even size pads 0 before
 * and 1 after. Symmetric padding there still gives plausible top scores but wrong per-anchor scores,
 * a silent bug; this class exists so nobody pads by hand.
 */
public final class Padding {

    /** TensorFlow "SAME". */
    public static final Padding SAME = new Padding("SAME", null);
    /** TensorFlow "VALID": no padding. */
    public static final Padding VALID = new Padding("VALID", new int[] {0, 0, 0, 0});

    private final String label;
    private final int[] fixed;

    private Padding(String label, int[] fixed) {
        this.label = label;
        this.fixed = fixed;
    }

    /** Fixed zero padding in pixels (what PyTorch-style or hand-padded networks use). */
    public static Padding explicit(int top, int left, int bottom, int right) {
        if (top < 0 || left < 0 || bottom < 0 || right < 0) {
            throw new IllegalArgumentException("padding must not be negative");
        }
        return new Padding("explicit", new int[] {top, left, bottom, right});
    }

    /**
     * The pads {@code [top, left, bottom, right]} for a window of {@code kernelH x kernelW} moving by
     * {@code stride} over an input of {@code inH x inW}.
     */
    public int[] resolve(int inH, int inW, int kernelH, int kernelW, int stride) {
        if (fixed != null) {
            return fixed.clone();
        }
        int padH = total(inH, kernelH, stride);
        int padW = total(inW, kernelW, stride);
        return new int[] {padH / 2, padW / 2, padH - padH / 2, padW - padW / 2};
    }

    private static int total(int in, int kernel, int stride) {
        int out = (in + stride - 1) / stride;
        return Math.max(0, (out - 1) * stride + kernel - in);
    }

    @Override
    public String toString() {
        return fixed == null || this == VALID ? label : label + java.util.Arrays.toString(fixed);
    }
}
