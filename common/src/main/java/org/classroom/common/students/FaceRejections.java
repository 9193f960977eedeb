package org.classroom.common.students;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.classroom.common.format.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The {@link FaceRejection}s, kept in the student table: a map attribute of the student's row, one entry
 * per correction by its id (JSON), so adding and removing one are single updates that never race with
 * another desktop's.
 */
public final class FaceRejections {

    public static final String ATTRIBUTE = "rejections";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public FaceRejections(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Records the rejection on the student's row (which must exist: the match named a student). */
    public void add(FaceRejection rejection) {
        Map<String, AttributeValue> key = key(rejection.student());
        // A nested path can only be set once the map exists, and one update cannot do both.
        dynamoDb.updateItem(request -> request.tableName(table).key(key)
                .updateExpression("SET #r = if_not_exists(#r, :empty)")
                .expressionAttributeNames(Map.of("#r", ATTRIBUTE))
                .expressionAttributeValues(Map.of(":empty", AttributeValue.fromM(Map.of()))));
        dynamoDb.updateItem(request -> request.tableName(table).key(key)
                .updateExpression("SET #r.#id = :rejection")
                .expressionAttributeNames(Map.of("#r", ATTRIBUTE, "#id", rejection.id()))
                .expressionAttributeValues(Map.of(":rejection", AttributeValue.fromS(Json.write(rejection)))));
    }

    /** Removes one rejection (its undo); nothing when it is gone already. */
    public void remove(String student, String id) {
        try {
            dynamoDb.updateItem(request -> request.tableName(table).key(key(student))
                    .updateExpression("REMOVE #r.#id")
                    .conditionExpression("attribute_exists(#n)")
                    .expressionAttributeNames(Map.of("#r", ATTRIBUTE, "#id", id, "#n", StudentTable.NAME)));
        } catch (ConditionalCheckFailedException studentGone) {
            // The student was removed, and their rejections with them.
        }
    }

    /** Every rejection in the table. */
    public List<FaceRejection> all() {
        List<FaceRejection> all = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder().tableName(table)
                    .projectionExpression("#r").expressionAttributeNames(Map.of("#r", ATTRIBUTE));
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            ScanResponse response = dynamoDb.scan(request.build());
            for (Map<String, AttributeValue> item : response.items()) {
                AttributeValue rejections = item.get(ATTRIBUTE);
                if (rejections != null && rejections.hasM()) {
                    rejections.m().values().forEach(value -> all.add(read(value.s())));
                }
            }
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        return all;
    }

    private static FaceRejection read(String json) {
        try {
            return Json.mapper().readValue(json, FaceRejection.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a rejection in the student table cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, AttributeValue> key(String student) {
        return Map.of(StudentTable.NAME, AttributeValue.fromS(student));
    }
}
