package org.classroom.common.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.classroom.common.model.FaceBox;

/**
 * A face named by where it was seen rather than by a photo: the video (input-bucket key and the ETag of
 * the version the result was made from), the time of the frame and the face's box in it. The desktop
 * uploads one as an enrolment ({@link EnrolmentKeys#faceKey}) to say "this face is that student"; the
 * function reads that frame again and encodes the face with the same encoder as recognition, so the
 * enrolled encoding is the very one the next run of the clip meets.
 *
 * @param request a fresh id per correction: the same face enrolled again after an undo is a new upload
 *                (a new ETag), not a repeat the function's ledger would skip
 * @param etag    the video version the box belongs to; null to take the current one
 */
public record FaceReference(String request, String video, String etag, double frameSeconds, FaceBox box) {

    public FaceReference {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(box, "box");
        if (!(frameSeconds >= 0)) {
            throw new IllegalArgumentException("the frame time must be 0 or more, not " + frameSeconds);
        }
    }

    public byte[] toJson() {
        return Json.write(this).getBytes(StandardCharsets.UTF_8);
    }

    public static FaceReference fromJson(byte[] json) {
        try {
            return Json.mapper().readValue(json, FaceReference.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a face reference: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a face reference: " + e.getMessage(), e);
        }
    }
}
