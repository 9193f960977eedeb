package org.classroom.face.dnn;

import java.util.Locale;

/**
 * What runs the networks {@link GraphBuilder} writes. ONNX Runtime by default: on this project's 2-core machine it
 * runs them about twice as fast as OpenCV's DNN module, with the same outputs. OpenCV's DNN module, the design's
 * first runtime, stays selectable ({@code CLASSROOM_DNN=opencv}) for a platform ONNX Runtime does not ship for, and
 * so that the two can be checked against each other.
 */
public enum DnnRuntime {

    ONNX_RUNTIME("onnxruntime"),
    OPENCV("opencv");

    /** The environment variable, and the system property, that pick the runtime. */
    public static final String SETTING = "CLASSROOM_DNN";
    private static final String PROPERTY = "classroom.dnn";

    private final String settingValue;

    DnnRuntime(String settingValue) {
        this.settingValue = settingValue;
    }

    public String settingValue() {
        return settingValue;
    }

    /** The runtime the process was started with: the system property, else the environment, else ONNX Runtime. */
    public static DnnRuntime chosen() {
        String value = System.getProperty(PROPERTY, System.getenv(SETTING));
        return value == null || value.isBlank() ? ONNX_RUNTIME : parse(value);
    }

    static DnnRuntime parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (DnnRuntime runtime : values()) {
            if (runtime.settingValue.equals(wanted)) {
                return runtime;
            }
        }
        throw new IllegalArgumentException(SETTING + "=" + value + " is not a network runtime; use onnxruntime or opencv");
    }

    @Override
    public String toString() {
        return this == ONNX_RUNTIME ? "ONNX Runtime" : "OpenCV DNN";
    }
}
