package org.classroom.provision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.Student;
import org.classroom.common.students.StudentFile;

/**
 * What to provision besides the resources named by the configuration.
 *
 * @param students        rows for the student table; null leaves the rows alone
 * @param gallery         face encodings by name; null leaves the encodings alone
 * @param functionTimeout the function's timeout: the input queue hides a message for longer than that
 */
public record ProvisionRequest(List<Student> students, Map<String, List<double[]>> gallery, Duration functionTimeout) {

    public static final Duration DEFAULT_FUNCTION_TIMEOUT = Duration.ofMinutes(5);

    public ProvisionRequest {
        students = students == null ? null : List.copyOf(students);
        gallery = gallery == null ? null : new LinkedHashMap<>(gallery);
        functionTimeout = functionTimeout == null ? DEFAULT_FUNCTION_TIMEOUT : functionTimeout;
    }

    /** The resources only: buckets, queues, notification and table, with no rows. */
    public static ProvisionRequest resourcesOnly() {
        return new ProvisionRequest(null, null, null);
    }

    public static ProvisionRequest of(List<Student> students, Map<String, List<double[]>> gallery) {
        return new ProvisionRequest(students, gallery, null);
    }

    /**
     * The students and gallery of a folder in the course hand-out's layout: {@code student_data.json}
     * and {@code encoding.json} (the JSON form of the {@code encoding} pickle).
     *
     * @throws IllegalArgumentException naming the file that is missing or malformed
     */
    public static ProvisionRequest fromSampleFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("samples folder not found: " + folder);
        }
        return of(StudentFile.read(folder.resolve("student_data.json")), GalleryJsonFile.read(folder.resolve("encoding.json")));
    }
}
