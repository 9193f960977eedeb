package org.classroom.cli.face;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.classroom.cli.support.ConfigOptions;
import org.classroom.cli.support.UserError;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.model.Student;
import org.classroom.common.students.StudentTable;
import org.classroom.face.VideoRecogniser.EnrolmentRefused;
import org.classroom.face.engine.FaceEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code classroom enrol}: adds a student's face to the gallery from a photo or a clip holding exactly
 * that one face. The face is encoded here, with the same engine as the function, and appended to the
 * student's row, so it needs only the table (a running relay and function are not needed). The desktop's
 * roster enrols through the input bucket instead, which the function handles the same way.
 */
@Command(name = "enrol", mixinStandardHelpOptions = true,
        description = "Adds the face in a photo or clip to a student's encodings in the student table; with --id, "
                + "--major and --year it also writes (or updates) the student's record.")
public final class EnrolCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions configOptions;

    @Mixin
    EngineFlags engineFlags;

    @Parameters(index = "0", paramLabel = "NAME", description = "The student's name, the table's key (e.g. ada_lovelace).")
    String name;

    @Parameters(index = "1", paramLabel = "FILE", description = "A photo (JPEG, PNG) or clip with exactly one face.")
    Path file;

    @Option(names = "--id", paramLabel = "N", description = "Student id, to write the record too.")
    Integer id;

    @Option(names = "--major", paramLabel = "MAJOR", description = "Major, to write the record too.")
    String major;

    @Option(names = "--year", paramLabel = "YEAR", description = "Year, to write the record too.")
    String year;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        if (name.isBlank() || name.contains("/")) {
            throw new UserError("a student name must be non-blank and hold no '/': " + name);
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError("no such file: " + file);
        }
        double[] encoding;
        try (FaceEngine engine = FaceEngine.load(engineFlags.toOptions())) {
            encoding = engine.encodeSingleFace(file);
        } catch (EnrolmentRefused refused) {
            throw new UserError("not enrolled: " + refused.getMessage());
        }
        ClassroomConfig config = configOptions.load();
        try (AwsClients clients = new AwsClients(config)) {
            StudentTable table = new StudentTable(clients.dynamoDb(), config.table());
            if (id != null || major != null || year != null) {
                Student existing = table.get(name).orElse(Student.unrecorded(name));
                table.putRecord(new Student(name, id != null ? id : existing.id(),
                        major != null ? major : existing.major(), year != null ? year : existing.year()));
            }
            table.addEncoding(name, encoding);
            int count = table.gallery().getOrDefault(name, java.util.List.of()).size();
            out.printf("enrolled %s from %s: %d face encoding(s) on record%n", name, file.getFileName(), count);
            if (table.get(name).map(student -> !student.hasRecord()).orElse(true)) {
                out.println("note: " + name + " has no id, major or year yet; results will show the name only "
                        + "(add them with --id, --major and --year)");
            }
            out.flush();
        } catch (SdkException e) {
            throw new UserError("cannot write to the student table " + config.table() + ": " + e.getMessage());
        }
        return 0;
    }
}
