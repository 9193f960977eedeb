package org.classroom.function.correction;

import java.util.ArrayList;
import java.util.List;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.common.students.FaceRejection;
import org.classroom.function.process.ResultCorrections;

/**
 * Applies "not this student": a person the engine named, whose face a user said is not that student, is
 * reported as an unknown person instead (same face, box, time, appearances and crop), so that a run of
 * the video again does not bring the wrong name back.
 */
public final class RejectedMatches implements ResultCorrections {

    private final RejectionCache rejections;

    public RejectedMatches(RejectionCache rejections) {
        this.rejections = rejections;
    }

    @Override
    public VideoResult apply(VideoResult result) {
        List<FaceRejection> forVideo = rejections.get().stream()
                .filter(rejection -> rejection.video().equals(result.video())).toList();
        if (forVideo.isEmpty() || result.people().isEmpty()) {
            return result;
        }
        List<RecognisedPerson> kept = new ArrayList<>();
        List<UnknownPerson> unknown = new ArrayList<>(result.unknownPeople());
        for (RecognisedPerson person : result.people()) {
            boolean rejected = forVideo.stream().anyMatch(rejection -> rejection.student().equals(person.name())
                    && rejection.covers(result.video(), person.box()));
            if (rejected) {
                // their face, frame and place in others' frames go with them, for the frame view
                unknown.add(new UnknownPerson(person.box(), person.frameSeconds(), person.appearances(), person.crop(),
                        person.frame(), person.seenIn()));
            } else {
                kept.add(person);
            }
        }
        if (kept.size() == result.people().size()) {
            return result;
        }
        ResultStatus status = kept.isEmpty() ? ResultStatus.UNKNOWN_FACE : result.status();
        return new VideoResult(result.video(), status, kept, result.facesFound(), unknown.size(), result.reason(),
                result.etag(), result.timingsMs(), result.finishedAt(), unknown, result.sequencer(), result.durationSeconds());
    }
}
