package org.classroom.system.function;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.VideoResult;
import org.classroom.face.RecognisedVideo;
import org.classroom.face.VideoRecogniser;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.video.RandomAccessInput;

/**
 * Wraps an engine and runs a fault (stopping a stand-in) right after the n-th video it recognised,
 * so that the fault lands in the middle of a batch: after that video's engine run, before its writes.
 */
final class FaultAfter implements VideoRecogniser {

    private final VideoRecogniser engine;
    private final AtomicInteger remaining;
    private final Runnable fault;
    private final AtomicInteger calls = new AtomicInteger();

    FaultAfter(VideoRecogniser engine, int videos, Runnable fault) {
        this.engine = engine;
        this.remaining = new AtomicInteger(videos);
        this.fault = fault;
    }

    /** Arms the fault again, to strike after {@code videos} more videos. */
    void arm(int videos) {
        remaining.set(videos);
    }

    @Override
    public VideoResult recognise(Path video, String videoName, Gallery gallery) {
        return recogniseWithCrops(video, videoName, gallery).result();
    }

    @Override
    public RecognisedVideo recogniseWithCrops(Path video, String videoName, Gallery gallery) {
        return counted(engine.recogniseWithCrops(video, videoName, gallery));
    }

    @Override
    public VideoResult recognise(RandomAccessInput video, String videoName, Gallery gallery) {
        return recogniseWithCrops(video, videoName, gallery).result();
    }

    @Override
    public RecognisedVideo recogniseWithCrops(RandomAccessInput video, String videoName, Gallery gallery) {
        return counted(engine.recogniseWithCrops(video, videoName, gallery));
    }

    private RecognisedVideo counted(RecognisedVideo found) {
        calls.incrementAndGet();
        if (remaining.decrementAndGet() == 0) {
            fault.run();
        }
        return found;
    }

    /** How many videos the engine was asked to recognise. */
    int calls() {
        return calls.get();
    }

    @Override
    public double[] encodeSingleFace(Path photoOrClip) throws EnrolmentRefused {
        return engine.encodeSingleFace(photoOrClip);
    }

    @Override
    public double[] encodeFaceAt(RandomAccessInput video, String videoName, double seconds, FaceBox box)
            throws EnrolmentRefused {
        return engine.encodeFaceAt(video, videoName, seconds, box);
    }

    @Override
    public void close() {
        engine.close();
    }
}
