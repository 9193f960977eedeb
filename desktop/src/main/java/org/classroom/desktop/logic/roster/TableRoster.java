package org.classroom.desktop.logic.roster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.classroom.common.format.EnrolmentKeys;
import org.classroom.common.model.Student;
import org.classroom.common.students.StudentTable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The students in the DynamoDB student table, and enrolment of a face, which is an upload of a
 * photo or clip to {@code enrol/<name>/<file>} in the input bucket; the function adds the face's encoding
 * to the student and emits a result for that key. Blocking I/O: call it off the UI thread.
 */
public final class TableRoster implements Roster {

    private final StudentTable table;
    private final S3Client s3;
    private final String inputBucket;
    private final AutoCloseable resources;

    public TableRoster(StudentTable table, S3Client s3, String inputBucket, AutoCloseable resources) {
        this.table = table;
        this.s3 = s3;
        this.inputBucket = inputBucket;
        this.resources = resources;
    }

    @Override
    public List<Student> list() {
        return table.list();
    }

    @Override
    public void save(Student student) {
        table.putRecord(student);
    }

    @Override
    public void remove(String name) {
        table.delete(name);
    }

    /** Uploads the photo or clip for enrolment; returns the key whose result will tell how it went. */
    @Override
    public String enrol(String name, Path file) throws IOException {
        Enrolment.checkName(name);
        Optional<String> refusal = Enrolment.refusal(file);
        if (refusal.isPresent()) {
            throw new IllegalArgumentException(file.getFileName() + " " + refusal.get());
        }
        String key = EnrolmentKeys.key(name, file.getFileName().toString());
        s3.putObject(request -> request.bucket(inputBucket).key(key).contentType(contentType(file)),
                RequestBody.fromFile(file));
        return key;
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return "video/mp4";
    }

    @Override
    public void close() {
        s3.close();
        try {
            resources.close();
        } catch (Exception e) {
            // closing clients: nothing the user can do about it
        }
    }
}
