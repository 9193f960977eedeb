package org.classroom.face.detect;

import java.util.Locale;
import org.classroom.face.dnn.DnnRuntime;

/**
 * How finely the SSD detector computes. In ONNX Runtime its convolutions run on 8-bit activations and filters by
 * default, about twice as fast as in floats on a CPU with 8-bit dot products: every activation of MobileNet is a
 * ReLU6, so 0..6 in 255 steps covers it without calibration. The boxes move a little (median overlap with the
 * float boxes 0.98 on the course clips) and no face is lost or added there. {@code CLASSROOM_SSD_PRECISION=float}
 * keeps floats; OpenCV's DNN module always runs floats (its 8-bit layers are no faster here).
 */
public enum DetectorPrecision {

    INT8("int8"),
    FLOAT("float");

    /** The environment variable, and the system property, that pick the precision. */
    public static final String SETTING = "CLASSROOM_SSD_PRECISION";
    private static final String PROPERTY = "classroom.ssd.precision";

    private final String settingValue;

    DetectorPrecision(String settingValue) {
        this.settingValue = settingValue;
    }

    public String settingValue() {
        return settingValue;
    }

    /** The precision the process was started with, for the runtime it runs its networks in. */
    public static DetectorPrecision chosen() {
        return chosen(DnnRuntime.chosen());
    }

    /** The system property, else the environment, else 8 bits; always floats in OpenCV's DNN module. */
    public static DetectorPrecision chosen(DnnRuntime runtime) {
        String value = System.getProperty(PROPERTY, System.getenv(SETTING));
        DetectorPrecision wanted = value == null || value.isBlank() ? INT8 : parse(value);
        return runtime == DnnRuntime.ONNX_RUNTIME ? wanted : FLOAT;
    }

    static DetectorPrecision parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (DetectorPrecision precision : values()) {
            if (precision.settingValue.equals(wanted)) {
                return precision;
            }
        }
        throw new IllegalArgumentException(SETTING + "=" + value + " is not a detector precision; use int8 or float");
    }

    @Override
    public String toString() {
        return this == INT8 ? "8-bit" : "float";
    }
}
