package org.classroom.function.correction;

import java.util.Optional;
import org.classroom.common.events.ETags;
import org.classroom.common.format.FaceReference;
import org.classroom.face.VideoRecogniser.EnrolmentRefused;
import org.classroom.function.event.ObjectRef;
import org.classroom.function.process.ObjectDownloader;
import org.classroom.function.process.ObjectHead;
import org.classroom.function.process.RangedObject;
import org.classroom.function.process.ReferencedFaces;
import org.classroom.function.runtime.EnginePool;

/**
 * Encodes the face a result showed, from the video it was seen in: reads that version of the video by
 * ranges (as recognition does), takes the sampled frame at the reference's time and encodes the face in
 * its box. A video replaced since the result is refused: the box would point at someone else.
 */
public final class VideoFaceEncoder implements ReferencedFaces {

    private final ObjectDownloader downloader;
    private final EnginePool engines;

    public VideoFaceEncoder(ObjectDownloader downloader, EnginePool engines) {
        this.downloader = downloader;
        this.engines = engines;
    }

    @Override
    public double[] encode(FaceReference reference, String inputBucket) throws EnrolmentRefused {
        ObjectRef video = new ObjectRef(inputBucket, reference.video(), null, "enrolment", null);
        Optional<ObjectHead> head = downloader.current(video);
        if (head.isEmpty()) {
            throw EnrolmentRefused.unusable(reference.video() + " is no longer in " + inputBucket);
        }
        String wanted = ETags.normalise(reference.etag());
        if (wanted != null && !wanted.equals(head.get().etag())) {
            throw EnrolmentRefused.unusable(reference.video() + " was replaced since that result; enrol from its new result");
        }
        RangedObject input = downloader.reader(video, head.get());
        Outcome outcome = engines.with(engine -> {
            try {
                return new Outcome(engine.encodeFaceAt(input, reference.video(), reference.frameSeconds(),
                        reference.box()), null);
            } catch (EnrolmentRefused refused) {
                return new Outcome(null, refused);
            }
        });
        // A read that failed ends the clip early: that is a fault to retry, not a missing frame.
        input.failure().ifPresent(fault -> {
            throw fault;
        });
        if (outcome.refused() != null) {
            throw outcome.refused();
        }
        return outcome.encoding();
    }

    /** The engine's answer carried out of the pool's lambda. */
    private record Outcome(double[] encoding, EnrolmentRefused refused) {
    }
}
