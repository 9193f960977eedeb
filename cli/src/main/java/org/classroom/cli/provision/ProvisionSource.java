package org.classroom.cli.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classroom.cli.support.UserError;
import org.classroom.common.config.SampleData;
import org.classroom.provision.ProvisionRequest;
import org.classroom.common.students.StudentFile;
import org.classroom.face.gallery.GalleryFiles;

/**
 * Where the students and the gallery come from: a samples folder in the course hand-out's layout
 * ({@code student_data.json} and the {@code encoding} pickle or {@code encoding.json}), or a students
 * file and a gallery file (pickle or JSON) named one by one, or, when nothing is named, the default
 * samples folder if it exists.
 */
public final class ProvisionSource {

    private ProvisionSource() {
    }

    /**
     * @param samples  a samples folder, or null
     * @param students a {@code student_data.json}-style file, or null
     * @param gallery  a gallery file (the course's pickle or our JSON), or null
     * @return the request, and a line saying where its data came from
     */
    public static Sourced resolve(Path samples, Path students, Path gallery) {
        try {
            if (samples != null && (students != null || gallery != null)) {
                throw new UserError("give either --samples or --students/--gallery, not both");
            }
            if (students != null || gallery != null) {
                return new Sourced(ProvisionRequest.of(
                        students == null ? null : StudentFile.read(students),
                        gallery == null ? null : readGallery(gallery)),
                        "students from " + (students == null ? "(none)" : students)
                                + ", gallery from " + (gallery == null ? "(none)" : gallery));
            }
            Optional<Path> folder = samples != null ? Optional.of(samples) : SampleData.find();
            if (folder.isEmpty()) {
                return new Sourced(ProvisionRequest.resourcesOnly(),
                        "no students or gallery loaded: no samples folder at " + SampleData.location()
                                + " (pass --samples DIR or --students FILE --gallery FILE)");
            }
            Path dir = folder.get();
            if (!Files.isDirectory(dir)) {
                throw new UserError("samples folder not found: " + dir + " (it should hold student_data.json and encoding)");
            }
            Path galleryFile = GalleryFiles.inSamples(dir).orElseThrow(() -> new UserError(
                    "no gallery in " + dir + ": it should hold the course's encoding pickle or encoding.json"));
            return new Sourced(ProvisionRequest.of(StudentFile.read(dir.resolve("student_data.json")), readGallery(galleryFile)),
                    "students and gallery from " + dir);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static Map<String, List<double[]>> readGallery(Path file) {
        try {
            return GalleryFiles.read(file).asMap();
        } catch (IOException e) {
            throw new UserError("cannot read the gallery " + file + ": " + e.getMessage());
        }
    }

    /** A provisioning request and where its data came from. */
    public record Sourced(ProvisionRequest request, String description) {
    }
}
