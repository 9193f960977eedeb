package org.classroom.face.dnn;

import java.util.Arrays;

/**
 * A tensor in a graph under construction: the name of the layer that produces it and its shape,
 * {@code [1, channels, height, width]} for images or {@code [1, features]} after a dense layer.
 */
public record Node(String name, int[] shape) {

    public Node {
        shape = shape.clone();
    }

    public int channels() {
        return shape[1];
    }

    public int height() {
        return shape.length > 2 ? shape[2] : 1;
    }

    public int width() {
        return shape.length > 3 ? shape[3] : 1;
    }

    /** Number of values in the tensor (batch of one). */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Node node && name.equals(node.name) && Arrays.equals(shape, node.shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
