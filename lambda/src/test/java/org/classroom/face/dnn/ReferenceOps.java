package org.classroom.face.dnn;

/**
 * Plain-Java, loop-by-loop versions of the layers, written straight from their definitions and reading
 * weights in TF.js layout, so a layout, padding or folding mistake in the builder shows up as a mismatch.
 * Tensors are one image, {@code [C, H, W]} row-major.
 */
final class ReferenceOps {

    private ReferenceOps() {
    }

    record Image(float[] v, int c, int h, int w) {
        float at(int ch, int y, int x) {
            return v[(ch * h + y) * w + x];
        }
    }

    /** Convolution with HWIO filters {@code [kh][kw][in][out]}, pads {top, left, bottom, right}. */
    static Image conv(Image in, float[] hwio, int kh, int kw, int out, float[] bias, int stride, int[] pads) {
        int oh = (in.h + pads[0] + pads[2] - kh) / stride + 1;
        int ow = (in.w + pads[1] + pads[3] - kw) / stride + 1;
        float[] r = new float[out * oh * ow];
        for (int o = 0; o < out; o++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    double sum = bias == null ? 0 : bias[o];
                    for (int ky = 0; ky < kh; ky++) {
                        for (int kx = 0; kx < kw; kx++) {
                            int iy = y * stride + ky - pads[0];
                            int ix = x * stride + kx - pads[1];
                            if (iy < 0 || ix < 0 || iy >= in.h || ix >= in.w) {
                                continue;
                            }
                            for (int i = 0; i < in.c; i++) {
                                sum += in.at(i, iy, ix) * hwio[((ky * kw + kx) * in.c + i) * out + o];
                            }
                        }
                    }
                    r[(o * oh + y) * ow + x] = (float) sum;
                }
            }
        }
        return new Image(r, out, oh, ow);
    }

    /** Depthwise convolution with filters {@code [kh][kw][C][1]}. */
    static Image depthwise(Image in, float[] hwc1, int kh, int kw, int stride, int[] pads) {
        int oh = (in.h + pads[0] + pads[2] - kh) / stride + 1;
        int ow = (in.w + pads[1] + pads[3] - kw) / stride + 1;
        float[] r = new float[in.c * oh * ow];
        for (int c = 0; c < in.c; c++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    double sum = 0;
                    for (int ky = 0; ky < kh; ky++) {
                        for (int kx = 0; kx < kw; kx++) {
                            int iy = y * stride + ky - pads[0];
                            int ix = x * stride + kx - pads[1];
                            if (iy >= 0 && ix >= 0 && iy < in.h && ix < in.w) {
                                sum += in.at(c, iy, ix) * hwc1[(ky * kw + kx) * in.c + c];
                            }
                        }
                    }
                    r[(c * oh + y) * ow + x] = (float) sum;
                }
            }
        }
        return new Image(r, in.c, oh, ow);
    }

    static Image batchNorm(Image in, float[] gamma, float[] beta, float[] mean, float[] variance, double eps) {
        float[] r = new float[in.v.length];
        int plane = in.h * in.w;
        for (int i = 0; i < r.length; i++) {
            int c = i / plane;
            r[i] = (float) ((in.v[i] - mean[c]) / Math.sqrt(variance[c] + eps) * gamma[c] + beta[c]);
        }
        return new Image(r, in.c, in.h, in.w);
    }

    /** Pooling over the cells inside the image only (padding neither wins a max nor counts in a mean). */
    static Image pool(Image in, boolean max, int k, int stride, int[] pads) {
        int oh = (in.h + pads[0] + pads[2] - k) / stride + 1;
        int ow = (in.w + pads[1] + pads[3] - k) / stride + 1;
        float[] r = new float[in.c * oh * ow];
        for (int c = 0; c < in.c; c++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    int n = 0;
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            int iy = y * stride + ky - pads[0];
                            int ix = x * stride + kx - pads[1];
                            if (iy >= 0 && ix >= 0 && iy < in.h && ix < in.w) {
                                acc = max ? Math.max(acc, in.at(c, iy, ix)) : acc + in.at(c, iy, ix);
                                n++;
                            }
                        }
                    }
                    r[(c * oh + y) * ow + x] = (float) (max ? acc : acc / n);
                }
            }
        }
        return new Image(r, in.c, oh, ow);
    }

    static float[] map(float[] v, java.util.function.DoubleUnaryOperator f) {
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (float) f.applyAsDouble(v[i]);
        }
        return r;
    }

    /** {@code out[o] = bias[o] + sum_i in[i] * w[i][o]} with TF-layout weights {@code [in][out]}. */
    static float[] dense(float[] in, float[] w, int out, float[] bias) {
        float[] r = new float[out];
        for (int o = 0; o < out; o++) {
            double sum = bias == null ? 0 : bias[o];
            for (int i = 0; i < in.length; i++) {
                sum += in[i] * w[i * out + o];
            }
            r[o] = (float) sum;
        }
        return r;
    }
}
