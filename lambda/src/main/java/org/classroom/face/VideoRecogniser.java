package org.classroom.face;

import java.nio.file.Path;
import java.util.List;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.VideoResult;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.video.RandomAccessInput;

/**
 * The engine as the function and the command line see it: a video file in, a result out. The result
 * names gallery people with their best distance but carries no student records (the caller looks those
 * up). Bad input is a result ({@code invalid-video} with the reason), never an exception. Not
 * thread-safe: one instance per thread.
 */
public interface VideoRecogniser extends AutoCloseable {

    /**
     * @param video     the clip on local disk
     * @param videoName the name to put in the result (the object key, or the file name)
     * @param gallery   who to look for
     */
    VideoResult recognise(Path video, String videoName, Gallery gallery);

    /**
     * As {@link #recognise}, with each person's face crop from their best view; an engine that keeps none
     * gives the result alone.
     */
    default RecognisedVideo recogniseWithCrops(Path video, String videoName, Gallery gallery) {
        return new RecognisedVideo(recognise(video, videoName, gallery), List.of());
    }

    /**
     * The same for a clip read where it lies, by position (e.g. an S3 object by ranges), not copied to disk.
     *
     * @param video     the clip's bytes; a read that fails ends the clip there, so the caller checks its own input
     * @param videoName the name to put in the result, also the name in messages about the clip
     */
    VideoResult recognise(RandomAccessInput video, String videoName, Gallery gallery);

    /** As {@link #recognise(RandomAccessInput, String, Gallery)}, with each person's face crop from their best view. */
    default RecognisedVideo recogniseWithCrops(RandomAccessInput video, String videoName, Gallery gallery) {
        return new RecognisedVideo(recognise(video, videoName, gallery), List.of());
    }

    /** As {@link #recogniseWithCrops(RandomAccessInput, String, Gallery)}, saying how far it has looked as it goes. */
    default RecognisedVideo recogniseWithCrops(RandomAccessInput video, String videoName, Gallery gallery,
                                               SamplingProgress progress) {
        return recogniseWithCrops(video, videoName, gallery);
    }

    /**
     * The encoding of the single face in a photo or clip, for enrolment.
     *
     * @throws EnrolmentRefused when the file has no face, several faces, or is not an image or video
     */
    double[] encodeSingleFace(Path photoOrClip) throws EnrolmentRefused;

    /**
     * The encoding of the face at {@code box} in the sampled frame at {@code seconds} of a clip, made as
     * recognition makes it (landmarks in that box, aligned chip, encoder), for enrolling a face a result
     * showed. An engine that keeps no networks of its own refuses.
     *
     * @throws EnrolmentRefused when the clip cannot be read or has no sampled frame at that time
     */
    default double[] encodeFaceAt(RandomAccessInput video, String videoName, double seconds, FaceBox box)
            throws EnrolmentRefused {
        throw EnrolmentRefused.unusable("this engine cannot encode a face by its place in a video");
    }

    @Override
    void close();

    /** Why a file cannot be enrolled: what went wrong as a kind, for the caller; the message, for the user. */
    final class EnrolmentRefused extends Exception {

        /** The kinds of refusal: no face at all, or a file that cannot serve (unreadable, several faces, turned away). */
        public enum Kind { NO_FACE, UNUSABLE }

        private final Kind kind;

        private EnrolmentRefused(Kind kind, String reason) {
            super(reason);
            this.kind = kind;
        }

        public static EnrolmentRefused noFace(String reason) {
            return new EnrolmentRefused(Kind.NO_FACE, reason);
        }

        public static EnrolmentRefused unusable(String reason) {
            return new EnrolmentRefused(Kind.UNUSABLE, reason);
        }

        public Kind kind() {
            return kind;
        }
    }
}
