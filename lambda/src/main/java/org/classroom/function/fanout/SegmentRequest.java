package org.classroom.function.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.classroom.common.format.Json;
import org.classroom.face.evidence.Filmstrip;
import org.classroom.face.segment.Segment;

/**
 * What a coordinator asks another invocation of the function to do: find the people in one segment of an
 * upload and answer with a partial result, publishing nothing. On the wire,
 * {@code {"segment": {"bucket", "key", "etag", "size", "index", "from", "to", "filmstrip"}}}, a shape no S3 or
 * SQS event has.
 *
 * @param bucket  the input bucket
 * @param key     the upload's key
 * @param etag    the version the coordinator holds the claim on: every ranged GET asks for it (If-Match), so a
 *                segment of another version is refused
 * @param size    that version's size in bytes, so that the segment reads by ranges without asking for it again
 * @param segment which part of the recording
 * @param filmstripShare the most thumbnails the segment sends for the recording's one filmstrip: its share of
 *                the limit, so that the strip stays bounded and so does the segment's answer
 */
public record SegmentRequest(String bucket, String key, String etag, long size, Segment segment,
                             int filmstripShare) {

    private static final String FIELD = "segment";

    public SegmentRequest {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(segment, "segment");
        if (size < 1) {
            throw new IllegalArgumentException("a segment request needs the upload's size, not " + size);
        }
        if (filmstripShare < 1) {
            throw new IllegalArgumentException("a segment adds at least one thumbnail, not " + filmstripShare);
        }
    }

    /** With the whole filmstrip limit as the segment's share. */
    public SegmentRequest(String bucket, String key, String etag, long size, Segment segment) {
        this(bucket, key, etag, size, segment, Filmstrip.DEFAULT_MAX);
    }

    /** Whether an invocation's event is a segment request rather than an event about uploads. */
    public static boolean isOne(JsonNode event) {
        return event != null && event.isObject() && event.path(FIELD).isObject() && !event.has("Records");
    }

    public static SegmentRequest from(JsonNode event) {
        JsonNode body = event.get(FIELD);
        if (!body.hasNonNull("bucket") || !body.hasNonNull("key") || !body.has("size") || !body.has("index")
                || !body.has("from") || !body.has("to")) {
            throw new IllegalArgumentException("a segment request needs bucket, key, size, index, from and to: " + body);
        }
        String etag = body.hasNonNull("etag") ? body.get("etag").asText() : null;
        // A coordinator of an older build sends no share: a segment then keeps the default strip's.
        int share = body.path("filmstrip").asInt(Filmstrip.DEFAULT_MAX);
        return new SegmentRequest(body.get("bucket").asText(), body.get("key").asText(), etag, body.get("size").asLong(),
                new Segment(body.get("index").asInt(), body.get("from").asDouble(), body.get("to").asDouble()), share);
    }

    public String toJson() {
        ObjectNode event = Json.mapper().createObjectNode();
        ObjectNode body = event.putObject(FIELD);
        body.put("bucket", bucket).put("key", key).put("etag", etag).put("size", size).put("index", segment.index())
                .put("from", segment.fromSeconds()).put("to", segment.toSeconds()).put("filmstrip", filmstripShare);
        return Json.write(event);
    }
}
