package org.classroom.face.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.classroom.face.evidence.Filmstrip;
import org.classroom.face.evidence.FramePicture;
import org.classroom.face.match.FaceObservation;
import org.classroom.face.video.SampledFrame;

/**
 * Keeps the frames the results will want, while each is still in memory: the downscaled picture of every
 * frame in which a view was encoded (which view ends up a person's best is known only once the clip is done;
 * frames no held view is in are forgotten, as {@link BestViewCrops} forgets crops), and a bounded filmstrip of
 * the samples. A frame with several faces is compressed once. Not thread-safe.
 */
final class FrameKeeper {

    /** A kept frame: its time, the size of the upright frame (the boxes' pixels) and its picture. */
    record KeptFrame(double seconds, int width, int height, byte[] jpeg) {
    }

    private final Map<Integer, KeptFrame> bySample = new HashMap<>();
    private final Filmstrip filmstrip;

    FrameKeeper(int filmstripMax) {
        this.filmstrip = new Filmstrip(filmstripMax);
    }

    /** Every sample, in order: a thumbnail for the filmstrip, when its slot is free. */
    void sampled(SampledFrame frame) {
        filmstrip.offer(frame.seconds(), frame.image());
    }

    /** A view was encoded in this frame: keep the frame's picture until no held view is in it. */
    void viewEncoded(SampledFrame frame) {
        bySample.computeIfAbsent(frame.sampleIndex(), sample -> {
            byte[] jpeg = FramePicture.of(frame.image());
            return new KeptFrame(frame.seconds(), frame.width(), frame.height(), jpeg);
        });
    }

    /** Forgets every frame no given view was seen in. */
    void retainOnly(Collection<FaceObservation> views) {
        Set<Integer> samples = new HashSet<>();
        views.forEach(view -> samples.add(view.frameIndex()));
        bySample.keySet().retainAll(samples);
    }

    Optional<KeptFrame> of(FaceObservation view) {
        return Optional.ofNullable(bySample.get(view.frameIndex())).filter(frame -> frame.jpeg().length > 0);
    }

    int size() {
        return bySample.size();
    }

    Filmstrip filmstrip() {
        return filmstrip;
    }
}
