package org.classroom.face.segment;

import java.nio.file.Path;
import org.classroom.face.SamplingProgress;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.video.RandomAccessInput;

/**
 * An engine that can look at one segment of a long recording, for the merge of all its segments into the
 * video's result ({@link SegmentMerge}). Bad input is an invalid partial result; a fault is thrown. Apart from
 * the whole-video interface so that it depends on the segments, not they on it.
 */
public interface SegmentRecogniser {

    /**
     * @param video   the whole recording on local disk
     * @param segment the part of it to look at
     */
    PartialResult recogniseSegment(Path video, String videoName, Gallery gallery, Segment segment);

    /**
     * The same for a recording read where it lies, by position: only its index and the segment's bytes are read.
     *
     * @param filmstripShare the most thumbnails this segment adds to the recording's filmstrip
     */
    PartialResult recogniseSegment(RandomAccessInput video, String videoName, Gallery gallery, Segment segment,
                                   int filmstripShare);

    /** As above, saying how far into the segment it has looked as it goes. */
    default PartialResult recogniseSegment(RandomAccessInput video, String videoName, Gallery gallery,
                                           Segment segment, int filmstripShare, SamplingProgress progress) {
        return recogniseSegment(video, videoName, gallery, segment, filmstripShare);
    }
}
