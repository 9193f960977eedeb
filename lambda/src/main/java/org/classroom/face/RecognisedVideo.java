package org.classroom.face;

import java.util.List;
import org.classroom.common.model.VideoResult;
import org.classroom.face.evidence.BestFrame;
import org.classroom.face.evidence.FaceCrop;
import org.classroom.face.evidence.Filmstrip;

/**
 * What the engine found in one clip: the result, and each person's face crop and frame from their best view
 * (named people by gallery name, unknown people as {@code unknown-N} in the order of the result's list), and
 * the clip's filmstrip (null when none was made).
 */
public record RecognisedVideo(VideoResult result, List<FaceCrop> crops, List<BestFrame> frames,
                              Filmstrip.Packed filmstrip) {

    public RecognisedVideo {
        crops = crops == null ? List.of() : List.copyOf(crops);
        frames = frames == null ? List.of() : List.copyOf(frames);
    }

    /** Without frames or filmstrip. */
    public RecognisedVideo(VideoResult result, List<FaceCrop> crops) {
        this(result, crops, List.of(), null);
    }
}
