package org.classroom.desktop.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.classroom.common.format.EnrolmentKeys;
import org.classroom.common.model.FaceBox;
import org.classroom.common.students.FaceRejection;
import org.classroom.desktop.logic.corrections.FaceCorrections;

/** Corrections recorded in memory: the faces sent for enrolment (by key), the rejections, the videos announced again. */
public final class MemoryCorrections implements FaceCorrections {

    /** One face sent for enrolment. */
    public record SentFace(String key, String student, String video, String etag, double frameSeconds, FaceBox box) {
    }

    public final List<SentFace> sentFaces = new CopyOnWriteArrayList<>();
    public final List<String> matchedAgain = new CopyOnWriteArrayList<>();
    public final List<FaceRejection> rejections = new CopyOnWriteArrayList<>();
    public final List<String> unenrolled = new CopyOnWriteArrayList<>();

    @Override
    public String enrolFace(String student, String video, String etag, double frameSeconds, FaceBox box) {
        String key = EnrolmentKeys.faceKey(student, "request-" + (sentFaces.size() + 1));
        sentFaces.add(new SentFace(key, student, video, etag, frameSeconds, box));
        return key;
    }

    @Override
    public String reject(String student, String video, double frameSeconds, FaceBox box) {
        FaceRejection rejection = new FaceRejection("rejection-" + (rejections.size() + 1), student, video,
                frameSeconds, box);
        rejections.add(rejection);
        return rejection.id();
    }

    @Override
    public void unenrolFace(String student, String enrolmentKey) {
        unenrolled.add(enrolmentKey);
    }

    @Override
    public void unreject(String student, String id) {
        rejections.removeIf(rejection -> rejection.id().equals(id));
    }

    @Override
    public void matchAgain(String video) {
        matchedAgain.add(video);
    }

    @Override
    public void close() {
    }
}
