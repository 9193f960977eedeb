package org.classroom.common.provision;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classroom.common.model.Student;
import org.classroom.common.provision.ProvisionReport.Change;
import org.classroom.common.students.StudentTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The student table (key {@code name}, on demand), its rows and the gallery's encodings. */
final class StudentData {

    private final DynamoDbClient dynamoDb;
    private final ProvisionReport report;

    StudentData(DynamoDbClient dynamoDb, ProvisionReport report) {
        this.dynamoDb = dynamoDb;
        this.report = report;
    }

    void ensureTable(String table) {
        String resource = "table " + table;
        Optional<TableDescription> current = describe(table);
        if (current.isPresent()) {
            List<KeySchemaElement> key = current.get().keySchema();
            if (key.size() != 1 || !key.get(0).attributeName().equals(StudentTable.NAME)) {
                throw new IllegalStateException("the table " + table + " exists but its key is not just \"name\": "
                        + "name another table with --set table=...");
            }
            report.add(resource, Change.UNCHANGED);
            return;
        }
        dynamoDb.createTable(request -> request.tableName(table)
                .keySchema(KeySchemaElement.builder().attributeName(StudentTable.NAME).keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName(StudentTable.NAME)
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(table));
        report.add(resource, Change.CREATED, "key name, on demand");
    }

    void ensureStudents(String table, List<Student> students) {
        StudentTable rows = new StudentTable(dynamoDb, table);
        int added = 0;
        int changed = 0;
        for (Student student : students) {
            Optional<Student> current = rows.get(student.name());
            if (current.isPresent() && current.get().equals(student)) {
                continue;
            }
            rows.putRecord(student);
            if (current.isPresent()) {
                changed++;
            } else {
                added++;
            }
        }
        String resource = "table " + table + " students";
        if (added == 0 && changed == 0) {
            report.add(resource, Change.UNCHANGED, students.size() + " already there");
        } else {
            report.add(resource, added > 0 ? Change.CREATED : Change.UPDATED,
                    added + " added, " + changed + " changed, " + (students.size() - added - changed) + " already there");
        }
    }

    void ensureGallery(String table, Map<String, List<double[]>> gallery) {
        StudentTable rows = new StudentTable(dynamoDb, table);
        Map<String, List<double[]>> current = rows.gallery();
        int set = 0;
        for (Map.Entry<String, List<double[]>> person : gallery.entrySet()) {
            if (!same(current.get(person.getKey()), person.getValue())) {
                rows.setEncodings(person.getKey(), person.getValue());
                set++;
            }
        }
        String resource = "table " + table + " gallery";
        if (set == 0) {
            report.add(resource, Change.UNCHANGED, gallery.size() + " people already there");
        } else {
            report.add(resource, Change.UPDATED, set + " of " + gallery.size() + " people's encodings set");
        }
    }

    private static boolean same(List<double[]> current, List<double[]> wanted) {
        if (current == null || current.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (!Arrays.equals(current.get(i), wanted.get(i))) {
                return false;
            }
        }
        return true;
    }

    private Optional<TableDescription> describe(String table) {
        try {
            return Optional.of(dynamoDb.describeTable(request -> request.tableName(table)).table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }
}
