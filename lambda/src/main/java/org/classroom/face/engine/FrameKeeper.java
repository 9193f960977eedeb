package org.classroom.face.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.classroom.common.model.FaceBox;
import org.classroom.face.evidence.Filmstrip;
import org.classroom.face.evidence.FramePicture;
import org.classroom.face.match.FaceObservation;
import org.classroom.face.track.FaceTrack;
import org.classroom.face.video.SampledFrame;

/**
 * Keeps the frames the results will want, while each is still in memory: the downscaled picture of every
 * frame in which a view was encoded (which view ends up a person's best is known only once the clip is done;
 * frames no held view is in are forgotten, as {@link BestViewCrops} forgets crops), and a bounded filmstrip of
 * the samples. A frame with several faces is compressed once. Not thread-safe.
 */
final class FrameKeeper {

    /**
     * A kept frame: its time, the size of the upright frame (the boxes' pixels), its picture and every face the
     * tracker followed in it, by track.
     */
    record KeptFrame(double seconds, int width, int height, CompletableFuture<byte[]> picture,
                     Map<FaceTrack, FaceBox> faces) {

        /** The picture's JPEG, waiting for its compression if it is still under way. */
        byte[] jpeg() {
            return picture.join();
        }
    }

    /**
     * Compresses the kept frames' pictures while the engine goes on with the sample (detection leaves a core
     * idle part of the time): about a millisecond per picture off each clip's way.
     */
    private static final Executor PICTURES = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "frame-pictures");
        thread.setDaemon(true);
        return thread;
    });

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
        bySample.computeIfAbsent(frame.sampleIndex(), sample -> new KeptFrame(frame.seconds(), frame.width(),
                frame.height(), FramePicture.of(frame.image(), PICTURES), Map.of()));
    }

    /**
     * After the tracker took a sample: where each face it followed there is, if the sample's frame is kept, so that
     * the frame view can outline everyone in it, not only those whose best view it is.
     */
    void tracked(int sample, Supplier<List<FaceTrack>> tracks) {
        KeptFrame kept = bySample.get(sample);
        if (kept == null) {
            return;   // most samples: nothing to note, and the tracks are not even listed
        }
        Map<FaceTrack, FaceBox> faces = new LinkedHashMap<>();
        for (FaceTrack track : tracks.get()) {
            if (track.lastSample() == sample && track.lastBox() != null) {
                faces.put(track, track.lastBox());
            }
        }
        bySample.put(sample, new KeptFrame(kept.seconds(), kept.width(), kept.height(), kept.picture(), faces));
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
