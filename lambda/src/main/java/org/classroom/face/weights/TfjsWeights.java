package org.classroom.face.weights;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.classroom.common.format.Json;

/**
 * The weights of one TF.js model as shipped by {@code @vladmandic/face-api}: a manifest naming each
 * tensor's shape, dtype and quantisation, and .bin shards holding the tensors back to back. The build
 * puts them on the class path under {@code /models/}.
 *
 * <p>Quantised values dequantise as {@code v * scale + min}. Quantised tensors take one byte per
 * element whatever their dtype, int32 constants included, so every tensor must be walked to keep the
 * offsets right; unquantised float32 and int32 take four bytes, little-endian.
 */
public final class TfjsWeights {

    private final String model;
    private final Map<String, WeightTensor> tensors;

    private TfjsWeights(String model, Map<String, WeightTensor> tensors) {
        this.model = model;
        this.tensors = tensors;
    }

    /** Loads {@code /models/<model>-weights_manifest.json} and its shards from the class path. */
    public static TfjsWeights load(String model) {
        String manifestPath = "/models/" + model + "-weights_manifest.json";
        try (InputStream manifest = TfjsWeights.class.getResourceAsStream(manifestPath)) {
            if (manifest == null) {
                throw new IllegalStateException("face model weights " + manifestPath
                        + " are not on the class path; build the lambda module (it fetches them with npm)");
            }
            JsonNode groups = Json.mapper().readTree(manifest);
            Map<String, WeightTensor> tensors = new LinkedHashMap<>();
            for (JsonNode group : groups) {
                ByteBuffer data = readShards(group.get("paths"));
                for (JsonNode weight : group.get("weights")) {
                    WeightTensor tensor = readTensor(weight, data);
                    tensors.put(tensor.name(), tensor);
                }
            }
            return new TfjsWeights(model, tensors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read face model " + model + ": " + e.getMessage(), e);
        }
    }

    public String model() {
        return model;
    }

    public Map<String, WeightTensor> all() {
        return tensors;
    }

    public boolean has(String name) {
        return tensors.containsKey(name);
    }

    public WeightTensor get(String name) {
        WeightTensor tensor = tensors.get(name);
        if (tensor == null) {
            throw new NoSuchElementException("model " + model + " has no weight '" + name + "'");
        }
        return tensor;
    }

    private static ByteBuffer readShards(JsonNode paths) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (JsonNode path : paths) {
            try (InputStream shard = TfjsWeights.class.getResourceAsStream("/models/" + path.asText())) {
                if (shard == null) {
                    throw new IOException("missing weight shard /models/" + path.asText());
                }
                shard.transferTo(bytes);
            }
        }
        return ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static WeightTensor readTensor(JsonNode weight, ByteBuffer data) throws IOException {
        String name = weight.get("name").asText();
        JsonNode shapeNode = weight.get("shape");
        int[] shape = new int[shapeNode.size()];
        int count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asInt();
            count *= shape[i];
        }
        String dtype = weight.get("dtype").asText();
        JsonNode quantization = weight.get("quantization");
        float[] values = new float[count];
        if (data.remaining() < count * (quantization != null ? 1 : 4)) {
            throw new IOException("weight shard too short for " + name);
        }
        if (quantization != null) {
            if (!"uint8".equals(quantization.get("dtype").asText())) {
                throw new IOException("unsupported quantisation of " + name + ": " + quantization.get("dtype"));
            }
            double scale = quantization.get("scale").asDouble();
            double min = quantization.get("min").asDouble();
            // One bulk read: per-element buffer calls cost a cold start hundreds of milliseconds.
            byte[] raw = new byte[count];
            data.get(raw);
            for (int i = 0; i < count; i++) {
                values[i] = (float) ((raw[i] & 0xff) * scale + min);
            }
        } else if ("float32".equals(dtype)) {
            for (int i = 0; i < count; i++) {
                values[i] = data.getFloat();
            }
        } else if ("int32".equals(dtype)) {
            for (int i = 0; i < count; i++) {
                values[i] = data.getInt();
            }
        } else {
            throw new IOException("unsupported dtype " + dtype + " of " + name);
        }
        return new WeightTensor(name, shape, values);
    }
}
