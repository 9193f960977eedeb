package org.classroom.common.students;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Which of a student's encodings a "This is…" correction added, kept on the student's row (a map from the
 * correction's request id to the encoding), so that its undo can take out exactly that encoding and no other.
 */
public final class EnrolledFaces {

    public static final String ATTRIBUTE = "enrolledFaces";
    private static final int ATTEMPTS = 3;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public EnrolledFaces(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Remembers that {@code request} added {@code encoding} to the student (after it was appended). */
    public void record(String student, String request, double[] encoding) {
        dynamoDb.updateItem(r -> r.tableName(table).key(key(student))
                .updateExpression("SET #f = if_not_exists(#f, :empty)")
                .expressionAttributeNames(Map.of("#f", ATTRIBUTE))
                .expressionAttributeValues(Map.of(":empty", AttributeValue.fromM(Map.of()))));
        dynamoDb.updateItem(r -> r.tableName(table).key(key(student))
                .updateExpression("SET #f.#id = :encoding")
                .expressionAttributeNames(Map.of("#f", ATTRIBUTE, "#id", request))
                .expressionAttributeValues(Map.of(":encoding", AttributeValue.fromB(StudentTable.encode(encoding)))));
    }

    /**
     * Takes out the encoding {@code request} added, and the note of it. False when there is nothing to take out
     * (the student or the note is gone). The encoding is found by its bytes and removed on condition that it is
     * still at that place, so an enrolment at the same moment is never the one removed.
     */
    public boolean remove(String student, String request) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(key(student))
                    .consistentRead(true)).item();
            if (item == null || !item.containsKey(ATTRIBUTE) || !item.get(ATTRIBUTE).m().containsKey(request)) {
                return false;
            }
            SdkBytes added = item.get(ATTRIBUTE).m().get(request).b();
            List<AttributeValue> encodings = item.containsKey(StudentTable.ENCODINGS)
                    ? item.get(StudentTable.ENCODINGS).l() : List.of();
            int at = -1;
            for (int i = 0; i < encodings.size() && at < 0; i++) {
                if (added.equals(encodings.get(i).b())) {
                    at = i;
                }
            }
            // DynamoDB refuses names an expression does not use.
            Map<String, String> names = at < 0 ? Map.of("#f", ATTRIBUTE, "#id", request)
                    : Map.of("#f", ATTRIBUTE, "#id", request, "#enc", StudentTable.ENCODINGS);
            Map<String, AttributeValue> values = new HashMap<>();
            String update = at < 0 ? "REMOVE #f.#id" : "REMOVE #f.#id, #enc[" + at + "]";
            String condition = at < 0 ? "attribute_exists(#f.#id)"
                    : "attribute_exists(#f.#id) AND #enc[" + at + "] = :added";
            if (at >= 0) {
                values.put(":added", AttributeValue.fromB(added));
            }
            try {
                dynamoDb.updateItem(r -> r.tableName(table).key(key(student)).updateExpression(update)
                        .conditionExpression(condition).expressionAttributeNames(names)
                        .expressionAttributeValues(values.isEmpty() ? null : values));
                return true;
            } catch (ConditionalCheckFailedException moved) {
                // Another change to the list came between the read and the write: read it again.
            }
        }
        throw new IllegalStateException("the encodings of " + student + " kept changing; try the undo again");
    }

    private static Map<String, AttributeValue> key(String student) {
        return Map.of(StudentTable.NAME, AttributeValue.fromS(student));
    }
}
