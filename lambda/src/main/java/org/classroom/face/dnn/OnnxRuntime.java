package org.classroom.face.dnn;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;

/**
 * The process's one ONNX Runtime environment. Its networks share one pool of worker threads, one per core,
 * that sleep between runs instead of spinning: a spinning pool would take the core FFmpeg decodes the next
 * frame on. (Per-session pools would also multiply with the networks kept per frame shape.)
 */
final class OnnxRuntime {

    private static final OrtEnvironment ENVIRONMENT = create();

    private OnnxRuntime() {
    }

    static OrtEnvironment environment() {
        return ENVIRONMENT;
    }

    /** A session for a model held in memory, optimised fully (operator fusion, the CPU's own memory layouts). */
    static OrtSession session(byte[] onnx) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.disablePerSessionThreads();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return ENVIRONMENT.createSession(onnx, options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the generated network: " + e.getMessage(), e);
        }
    }

    private static OrtEnvironment create() {
        try (OrtEnvironment.ThreadingOptions threads = new OrtEnvironment.ThreadingOptions()) {
            threads.setGlobalIntraOpNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
            threads.setGlobalInterOpNumThreads(1);
            threads.setGlobalSpinControl(false);
            return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "classroom", threads);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime does not start: " + e.getMessage(), e);
        }
    }
}
