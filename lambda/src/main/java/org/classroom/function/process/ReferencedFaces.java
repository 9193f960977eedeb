package org.classroom.function.process;

import org.classroom.common.format.FaceReference;
import org.classroom.face.VideoRecogniser.EnrolmentRefused;

/** Encodes a face named by its place in an input video ({@link FaceReference}), for enrolment. */
@FunctionalInterface
public interface ReferencedFaces {

    /**
     * @param inputBucket the bucket the reference's video is in (the enrolment upload's own)
     * @throws EnrolmentRefused when the video is gone, has changed, or has no such frame
     */
    double[] encode(FaceReference reference, String inputBucket) throws EnrolmentRefused;
}
