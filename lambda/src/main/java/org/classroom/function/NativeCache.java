package org.classroom.function;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.javacpp.Loader;

/**
 * Unpacks the native libraries the function uses and exits. The Lambda image runs it at build time with
 * {@code -Dorg.bytedeco.javacpp.cachedir=/opt/javacpp-cache} (OpenCV, FFmpeg) and
 * {@code -Donnxruntime.native.path=/opt/onnxruntime} (ONNX Runtime, which loads from that folder when the
 * property is set), so a cold start finds them unpacked instead of spending seconds extracting ~170 MB to /tmp.
 */
public final class NativeCache {

    /** ONNX Runtime's libraries for this platform, as its jar holds them. */
    private static final String ONNX_RUNTIME_NATIVES = "/ai/onnxruntime/native/linux-x64/";
    private static final String[] ONNX_RUNTIME_LIBRARIES = {"libonnxruntime.so", "libonnxruntime4j_jni.so"};

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
        String onnxRuntimeFolder = System.getProperty("onnxruntime.native.path");
        if (onnxRuntimeFolder != null) {
            unpackOnnxRuntime(Path.of(onnxRuntimeFolder));
            System.out.println("ONNX Runtime unpacked into " + onnxRuntimeFolder);
        }
    }

    private static void unpackOnnxRuntime(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String library : ONNX_RUNTIME_LIBRARIES) {
            try (InputStream in = NativeCache.class.getResourceAsStream(ONNX_RUNTIME_NATIVES + library)) {
                if (in == null) {
                    throw new IOException("ONNX Runtime's " + library + " is not on the class path");
                }
                Files.copy(in, folder.resolve(library), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
