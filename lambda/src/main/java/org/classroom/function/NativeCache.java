package org.classroom.function;

import org.bytedeco.javacpp.Loader;

/**
 * Unpacks the native libraries the function uses into JavaCPP's cache folder and exits. The Lambda
 * image runs it at build time with {@code -Dorg.bytedeco.javacpp.cachedir=/opt/javacpp-cache}, so a cold
 * start finds them unpacked instead of spending seconds extracting ~150 MB to /tmp.
 */
public final class NativeCache {

    private NativeCache() {
    }

    public static void main(String[] args) throws Exception {
        Class<?>[] presets = {
            org.bytedeco.opencv.global.opencv_core.class,
            org.bytedeco.opencv.global.opencv_imgproc.class,
            org.bytedeco.opencv.global.opencv_imgcodecs.class,
            org.bytedeco.opencv.global.opencv_dnn.class,
            org.bytedeco.ffmpeg.global.avutil.class,
            org.bytedeco.ffmpeg.global.avcodec.class,
            org.bytedeco.ffmpeg.global.avformat.class,
            org.bytedeco.ffmpeg.global.swscale.class,
            org.bytedeco.ffmpeg.global.swresample.class,
        };
        for (Class<?> preset : presets) {
            Loader.load(preset);
        }
        System.out.println("natives unpacked into " + Loader.getCacheDir());
    }
}
