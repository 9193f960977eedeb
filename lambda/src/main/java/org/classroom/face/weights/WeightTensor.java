package org.classroom.face.weights;

import java.util.Arrays;

/** One named weight of a TF.js model, dequantised to float32, in TF.js layout (filters are HWIO). */
public record WeightTensor(String name, int[] shape, float[] values) {

    public int size() {
        return values.length;
    }

    public int dimension(int index) {
        return shape[index];
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
