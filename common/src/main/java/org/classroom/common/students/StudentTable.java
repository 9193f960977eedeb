package org.classroom.common.students;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classroom.common.model.Student;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The student table: one item per person, partition key {@code name}, with the record ({@code id},
 * {@code major}, {@code year}) and the person's face encodings ({@code encodings}: a list of binary
 * values, each 128 little-endian float64). Keeping both on one item makes enrolment one write and
 * gives the gallery one source of truth. A gallery person without a student record is an item with
 * a name and encodings only.
 */
public final class StudentTable {

    public static final String NAME = "name";
    public static final String ID = "id";
    public static final String MAJOR = "major";
    public static final String YEAR = "year";
    public static final String ENCODINGS = "encodings";
    public static final int ENCODING_LENGTH = 128;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public StudentTable(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    public String tableName() {
        return tableName;
    }

    /** Writes the record fields of a student, keeping any encodings the item already has. */
    public void putRecord(Student student) {
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        field(student.id() == null ? null : AttributeValue.fromN(student.id().toString()), ID, sets, removes, values);
        field(text(student.major()), MAJOR, sets, removes, values);
        field(text(student.year()), YEAR, sets, removes, values);
        StringBuilder expression = new StringBuilder();
        if (!sets.isEmpty()) {
            expression.append("SET ").append(String.join(", ", sets));
        }
        if (!removes.isEmpty()) {
            expression.append(expression.length() == 0 ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
        }
        Map<String, String> names = Map.of("#id", ID, "#major", MAJOR, "#year", YEAR);
        Map<String, String> usedNames = new HashMap<>();
        names.forEach((alias, attribute) -> {
            if (expression.indexOf(alias) >= 0) {
                usedNames.put(alias, attribute);
            }
        });
        dynamoDb.updateItem(request -> request.tableName(tableName)
                .key(key(student.name()))
                .updateExpression(expression.toString())
                .expressionAttributeNames(usedNames)
                .expressionAttributeValues(values.isEmpty() ? null : values));
    }

    /** The record of one person, or empty when the table has no item of that name. */
    public Optional<Student> get(String name) {
        GetItemResponse response = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(key(name))
                .projectionExpression("#n, #id, #major, #year")
                .expressionAttributeNames(Map.of("#n", NAME, "#id", ID, "#major", MAJOR, "#year", YEAR)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(toStudent(response.item()))
                : Optional.empty();
    }

    public void delete(String name) {
        dynamoDb.deleteItem(request -> request.tableName(tableName).key(key(name)));
    }

    /** Every person in the table, records only, sorted by name. */
    public List<Student> list() {
        List<Student> students = new ArrayList<>();
        scan("#n, #id, #major, #year", Map.of("#n", NAME, "#id", ID, "#major", MAJOR, "#year", YEAR),
                item -> students.add(toStudent(item)));
        students.sort(java.util.Comparator.comparing(Student::name));
        return students;
    }

    /** The gallery: each person's encodings, by name. People with no encodings are left out. */
    public Map<String, List<double[]>> gallery() {
        Map<String, List<double[]>> gallery = new LinkedHashMap<>();
        scan("#n, #enc", Map.of("#n", NAME, "#enc", ENCODINGS), item -> {
            AttributeValue encodings = item.get(ENCODINGS);
            if (encodings != null && encodings.hasL() && !encodings.l().isEmpty()) {
                List<double[]> list = new ArrayList<>();
                for (AttributeValue value : encodings.l()) {
                    list.add(decode(value.b()));
                }
                gallery.put(item.get(NAME).s(), list);
            }
        });
        return gallery;
    }

    /** Appends one encoding to a person's list, creating the item if needed (enrolment). */
    public void addEncoding(String name, double[] encoding) {
        dynamoDb.updateItem(request -> request.tableName(tableName)
                .key(key(name))
                .updateExpression("SET #enc = list_append(if_not_exists(#enc, :empty), :new)")
                .expressionAttributeNames(Map.of("#enc", ENCODINGS))
                .expressionAttributeValues(Map.of(
                        ":empty", AttributeValue.fromL(List.of()),
                        ":new", AttributeValue.fromL(List.of(AttributeValue.fromB(encode(encoding)))))));
    }

    /** Replaces a person's encodings (gallery import), creating the item if needed. */
    public void setEncodings(String name, List<double[]> encodings) {
        List<AttributeValue> values = encodings.stream().map(e -> AttributeValue.fromB(encode(e))).toList();
        dynamoDb.updateItem(request -> request.tableName(tableName)
                .key(key(name))
                .updateExpression("SET #enc = :all")
                .expressionAttributeNames(Map.of("#enc", ENCODINGS))
                .expressionAttributeValues(Map.of(":all", AttributeValue.fromL(values))));
    }

    public static SdkBytes encode(double[] encoding) {
        if (encoding.length != ENCODING_LENGTH) {
            throw new IllegalArgumentException("a face encoding has " + ENCODING_LENGTH + " numbers, not " + encoding.length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(ENCODING_LENGTH * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : encoding) {
            buffer.putDouble(value);
        }
        return SdkBytes.fromByteArray(buffer.array());
    }

    public static double[] decode(SdkBytes bytes) {
        ByteBuffer buffer = bytes.asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        double[] encoding = new double[buffer.remaining() / Double.BYTES];
        for (int i = 0; i < encoding.length; i++) {
            encoding[i] = buffer.getDouble();
        }
        return encoding;
    }

    private void scan(String projection, Map<String, String> names,
                      java.util.function.Consumer<Map<String, AttributeValue>> sink) {
        Map<String, AttributeValue> startKey = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder().tableName(tableName)
                    .projectionExpression(projection).expressionAttributeNames(names);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            ScanResponse response = dynamoDb.scan(request.build());
            response.items().forEach(sink);
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
    }

    private static void field(AttributeValue value, String attribute, List<String> sets, List<String> removes,
                              Map<String, AttributeValue> values) {
        String alias = "#" + attribute;
        if (value == null) {
            removes.add(alias);
        } else {
            sets.add(alias + " = :" + attribute);
            values.put(":" + attribute, value);
        }
    }

    private static AttributeValue text(String value) {
        return value == null || value.isEmpty() ? null : AttributeValue.fromS(value);
    }

    private static Map<String, AttributeValue> key(String name) {
        return Map.of(NAME, AttributeValue.fromS(name));
    }

    private static Student toStudent(Map<String, AttributeValue> item) {
        AttributeValue id = item.get(ID);
        AttributeValue major = item.get(MAJOR);
        AttributeValue year = item.get(YEAR);
        return new Student(item.get(NAME).s(),
                id == null ? null : Integer.valueOf(id.n()),
                major == null ? null : major.s(),
                year == null ? null : year.s());
    }
}
