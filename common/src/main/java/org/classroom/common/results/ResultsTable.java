package org.classroom.common.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classroom.common.format.Json;
import org.classroom.common.model.Progress;
import org.classroom.common.model.VideoResult;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The results table as its readers see it: one item per video key holding the latest JSON result.
 * The function writes it (with the idempotency fields alongside); the desktop without a relay and
 * {@code classroom process} read it. The output bucket holds only the course's CSV objects.
 */
public final class ResultsTable {

    /** Partition key: the video's key in the input bucket. */
    public static final String VIDEO = "video";
    /** The input object's ETag the current claim or result is for. */
    public static final String ETAG = "etag";
    /** {@link ResultState}'s wire name. */
    public static final String STATE = "state";
    /** A random token naming the invocation that holds the item. */
    public static final String CLAIM = "claim";
    /** When the claim was taken, epoch milliseconds: an old claim belongs to a crashed invocation. */
    public static final String CLAIMED_AT = "claimedAt";
    /** The S3 sequencer of the upload last handled, padded so that strings compare in upload order. */
    public static final String SEQUENCER = "sequencer";
    /** The JSON result, once written. */
    public static final String RESULT = "result";
    /**
     * A fingerprint of the gallery and the corrections the result was made with: a re-upload after either changed
     * is matched again.
     */
    public static final String GALLERY = "gallery";
    /** When the result was written, epoch milliseconds. */
    public static final String UPDATED_AT = "updatedAt";
    /** While the video is being processed: the part of it looked at so far, 0 to 1. */
    public static final String PROGRESS = "progress";
    /** While a long recording is being processed in segments: how many are done. */
    public static final String SEGMENTS_DONE = "segmentsDone";
    /** While a long recording is being processed in segments: how many there are. */
    public static final String SEGMENTS = "segments";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public ResultsTable(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public String name() {
        return table;
    }

    /** The stored result of one video, if it has one yet (a consistent read). */
    public Optional<VideoResult> get(String video) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table)
                .key(Map.of(VIDEO, AttributeValue.fromS(video))).consistentRead(true)).item();
        return resultOf(item);
    }

    /**
     * How far the function is with a video it is working on (a consistent read); empty when no invocation is at work
     * on it, or it has not said yet.
     */
    public Optional<Progress> progress(String video) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table)
                .key(Map.of(VIDEO, AttributeValue.fromS(video))).consistentRead(true)).item();
        if (item == null || !ResultState.PROCESSING.wireName().equals(text(item, STATE))
                || !item.containsKey(PROGRESS)) {
            return Optional.empty();
        }
        return Optional.of(new Progress(Math.max(0, Math.min(1, number(item, PROGRESS))),
                (int) number(item, SEGMENTS_DONE), (int) number(item, SEGMENTS)));
    }

    /** An item's string attribute; null when it has none. */
    public static String text(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : value.s();
    }

    private static double number(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || value.n() == null ? 0 : Double.parseDouble(value.n());
    }

    /** Every stored result, in no particular order. */
    public List<VideoResult> all() {
        List<VideoResult> results = new ArrayList<>();
        dynamoDb.scanPaginator(request -> request.tableName(table).projectionExpression("#r")
                        .expressionAttributeNames(Map.of("#r", RESULT)))
                .items().forEach(item -> resultOf(item).ifPresent(results::add));
        return results;
    }

    private static Optional<VideoResult> resultOf(Map<String, AttributeValue> item) {
        if (item == null || !item.containsKey(RESULT) || item.get(RESULT).s() == null) {
            return Optional.empty();
        }
        return Optional.of(Json.readResult(item.get(RESULT).s()));
    }
}
