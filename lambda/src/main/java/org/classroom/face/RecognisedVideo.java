package org.classroom.face;

import java.util.List;
import org.classroom.common.model.VideoResult;
import org.classroom.face.evidence.FaceCrop;

/**
 * What the engine found in one clip: the result, and each person's face crop from their best view (named
 * people by gallery name, unknown people as {@code unknown-N} in the order of the result's list).
 */
public record RecognisedVideo(VideoResult result, List<FaceCrop> crops) {

    public RecognisedVideo {
        crops = crops == null ? List.of() : List.copyOf(crops);
    }
}
