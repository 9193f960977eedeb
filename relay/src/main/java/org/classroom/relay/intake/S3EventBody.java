package org.classroom.relay.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.classroom.common.format.Json;

/**
 * What the relay needs from an input queue message: whether it is S3's {@code s3:TestEvent} (sent
 * when notifications are configured; nothing to do) and which objects it announces.
 */
public final class S3EventBody {

    private S3EventBody() {
    }

    /** An object named in an S3 event: its (decoded) key and ETag. */
    public record S3Object(String bucket, String key, String etag) {
    }

    public static boolean isTestEvent(String body) {
        JsonNode node = parse(body);
        return node != null && "s3:TestEvent".equals(node.path("Event").asText(null));
    }

    /** The objects in the event's records; empty when the body is not an S3 event. */
    public static List<S3Object> objects(String body) {
        List<S3Object> objects = new ArrayList<>();
        JsonNode node = parse(body);
        if (node == null) {
            return objects;
        }
        for (JsonNode record : node.path("Records")) {
            JsonNode s3 = record.path("s3");
            String key = s3.path("object").path("key").asText(null);
            if (key != null) {
                // S3 event keys are URL-encoded with '+' for spaces.
                objects.add(new S3Object(s3.path("bucket").path("name").asText(null),
                        URLDecoder.decode(key, StandardCharsets.UTF_8),
                        s3.path("object").path("eTag").asText(null)));
            }
        }
        return objects;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }
}
