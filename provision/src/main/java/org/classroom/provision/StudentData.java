package org.classroom.provision;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classroom.common.model.Student;
import org.classroom.provision.ProvisionReport.Change;
import org.classroom.common.students.StudentTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The student table (key {@code name}, on demand), its rows and the gallery's encodings. */
final class StudentData {

    private final DynamoDbClient dynamoDb;
    private final ProvisionReport report;

    StudentData(DynamoDbClient dynamoDb, ProvisionReport report) {
        this.dynamoDb = dynamoDb;
        this.report = report;
    }

    void ensureTable(String table) {
        new Tables(dynamoDb, report).ensure(table, StudentTable.NAME, "table");
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
}
