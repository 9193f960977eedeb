package org.classroom.function.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.classroom.common.format.EnrolmentKeys;
import org.classroom.common.format.FaceReference;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import org.classroom.common.students.EnrolledFaces;
import org.classroom.common.students.StudentTable;
import org.classroom.face.VideoRecogniser;
import org.classroom.face.gallery.Gallery;
import org.classroom.function.runtime.EnginePool;
import org.classroom.function.runtime.GalleryCache;
import org.classroom.function.runtime.Retrier;
import org.classroom.function.runtime.StudentDirectory;

/**
 * Adds the single face of an uploaded photo or clip to a student's encodings. The outcome names the
 * student (distance to their nearest earlier encoding, 0 for the first) or says why nothing was enrolled,
 * by the kind the engine gave (see {@link EnrolmentOutcome}).
 */
public final class Enrolment {

    private final EnginePool engines;
    private final StudentTable table;
    private final GalleryCache gallery;
    private final StudentDirectory students;
    private final Retrier retrier;
    private final ReferencedFaces referencedFaces;
    private final EnrolledFaces enrolledFaces;

    public Enrolment(EnginePool engines, StudentTable table, GalleryCache gallery, StudentDirectory students, Retrier retrier) {
        this(engines, table, gallery, students, retrier, (reference, bucket) -> {
            throw VideoRecogniser.EnrolmentRefused.unusable("faces named by their place in a video are not read here");
        }, null);
    }

    /**
     * @param referencedFaces encodes the faces of {@link EnrolmentKeys#isFaceReference} uploads
     * @param enrolledFaces   where each such upload's encoding is noted, for its undo
     */
    public Enrolment(EnginePool engines, StudentTable table, GalleryCache gallery, StudentDirectory students, Retrier retrier,
                     ReferencedFaces referencedFaces, EnrolledFaces enrolledFaces) {
        this.referencedFaces = referencedFaces;
        this.enrolledFaces = enrolledFaces;
        this.engines = engines;
        this.table = table;
        this.gallery = gallery;
        this.students = students;
        this.retrier = retrier;
    }

    public VideoResult enrol(Path file, String key, String etag, Map<String, String> metadata) {
        return outcome(file, key, metadata).toResult(key, etag);
    }

    /** As {@link #enrol}, for an upload that names a face in a video ({@link FaceReference}) in {@code bucket}. */
    public VideoResult enrolReferenced(Path file, String bucket, String key, String etag, Map<String, String> metadata) {
        return referencedOutcome(file, bucket, key, metadata).toResult(key, etag);
    }

    EnrolmentOutcome referencedOutcome(Path file, String bucket, String key, Map<String, String> metadata) {
        String name = EnrolmentKeys.studentName(key, metadata).orElse(null);
        if (name == null) {
            return noStudentNamed();
        }
        FaceReference reference;
        try {
            reference = FaceReference.fromJson(Files.readAllBytes(file));
        } catch (IOException | IllegalArgumentException e) {
            return new EnrolmentOutcome.Refused(EnrolmentOutcome.Refused.Kind.UNUSABLE_FILE,
                    "not enrolled: " + e.getMessage());
        }
        try {
            double[] encoding = referencedFaces.encode(reference, bucket);
            EnrolmentOutcome outcome = add(name, encoding);
            // So that an undo of the correction removes this encoding and no other.
            retrier.run(() -> enrolledFaces.record(name, reference.request(), encoding));
            return outcome;
        } catch (VideoRecogniser.EnrolmentRefused refused) {
            return EnrolmentOutcome.Refused.by(refused, "not enrolled: " + refused.getMessage());
        }
    }

    private static EnrolmentOutcome noStudentNamed() {
        return new EnrolmentOutcome.Refused(EnrolmentOutcome.Refused.Kind.NO_STUDENT_NAMED, "no student named: upload to "
                + EnrolmentKeys.PREFIX + "<student name>/<file> or set x-amz-meta-" + EnrolmentKeys.STUDENT_METADATA);
    }

    EnrolmentOutcome outcome(Path file, String key, Map<String, String> metadata) {
        String name = EnrolmentKeys.studentName(key, metadata).orElse(null);
        if (name == null) {
            return noStudentNamed();
        }
        double[] encoding;
        try {
            encoding = engines.with(engine -> {
                try {
                    return engine.encodeSingleFace(file);
                } catch (VideoRecogniser.EnrolmentRefused refused) {
                    throw new Refusal(refused);
                }
            });
        } catch (Refusal refusal) {
            // The engine names the temporary file; the user knows the upload by its key.
            String reason = refusal.getMessage().replace(file.toString(), key)
                    .replace(file.getFileName().toString(), key.substring(key.lastIndexOf('/') + 1));
            return EnrolmentOutcome.Refused.by(refusal.refused, "not enrolled: " + reason);
        }
        return add(name, encoding);
    }

    private EnrolmentOutcome add(String name, double[] encoding) {
        Gallery before = gallery.get();
        double distance = nearest(before.encodingsOf(name), encoding);
        int count = before.encodingsOf(name).size() + 1;
        retrier.run(() -> table.addEncoding(name, encoding));
        gallery.invalidate();
        students.forget(name);
        Student record = students.get(name);
        RecognisedPerson person = RecognisedPerson.of(record, distance, null, null);
        return new EnrolmentOutcome.Enrolled(person, count);
    }

    private static double nearest(List<double[]> earlier, double[] encoding) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] other : earlier) {
            double sum = 0;
            for (int i = 0; i < encoding.length; i++) {
                double d = encoding[i] - other[i];
                sum += d * d;
            }
            best = Math.min(best, Math.sqrt(sum));
        }
        return earlier.isEmpty() ? 0.0 : best;
    }

    /** Carries the engine's checked refusal out of the pool's lambda. */
    private static final class Refusal extends RuntimeException {
        final VideoRecogniser.EnrolmentRefused refused;

        Refusal(VideoRecogniser.EnrolmentRefused refused) {
            super(refused.getMessage(), null, false, false);
            this.refused = refused;
        }
    }
}
