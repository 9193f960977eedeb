package org.classroom.face.dnn;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Where the networks' ONNX Runtime sessions are made. Each session runs on one thread per core; its workers
 * spin between the layers of a run (waking a sleeping thread for each layer costs more than the layer) but
 * stop spinning as soon as the run ends, so that they do not take the cores FFmpeg decodes the next frame on.
 */
final class OnnxRuntime {

    /** ONNX Runtime's switch that ends the workers' spinning with each run. */
    private static final String STOP_SPINNING_AFTER_RUN = "session.force_spinning_stop";

    private OnnxRuntime() {
    }

    static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    /** A session for a model held in memory, optimised fully (operator fusion, the CPU's own memory layouts). */
    static OrtSession session(byte[] onnx) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
            options.addConfigEntry(STOP_SPINNING_AFTER_RUN, "1");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return environment().createSession(onnx, options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the generated network: " + e.getMessage(), e);
        }
    }
}
