package org.classroom.cli.face;

import java.util.List;
import java.util.Map;
import org.classroom.cli.support.UserError;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.students.StudentTable;
import org.classroom.face.gallery.Gallery;
import software.amazon.awssdk.core.exception.SdkException;

/** The gallery as it lives in the student table: each person's encodings on their row. */
final class GalleryTables {

    private GalleryTables() {
    }

    static Gallery read(ClassroomConfig config) {
        try (AwsClients clients = new AwsClients(config)) {
            return new Gallery(new StudentTable(clients.dynamoDb(), config.table()).gallery());
        } catch (SdkException e) {
            throw new UserError("cannot read the gallery from table " + config.table() + ": " + e.getMessage());
        }
    }

    /** Replaces the encodings of every person in the gallery; other rows and the records stay as they are. */
    static int write(ClassroomConfig config, Gallery gallery) {
        int encodings = 0;
        try (AwsClients clients = new AwsClients(config)) {
            StudentTable table = new StudentTable(clients.dynamoDb(), config.table());
            for (Map.Entry<String, List<double[]>> person : gallery.asMap().entrySet()) {
                table.setEncodings(person.getKey(), person.getValue());
                encodings += person.getValue().size();
            }
        } catch (SdkException e) {
            throw new UserError("cannot write the gallery to table " + config.table() + ": " + e.getMessage());
        }
        return encodings;
    }
}
