package org.classroom.function.process;

import java.util.List;
import java.util.Optional;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.face.RecognisedVideo;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.video.RandomAccessInput;
import org.classroom.function.event.ObjectRef;
import org.classroom.function.fanout.FanOut;
import org.classroom.function.fanout.RecordingLength;
import org.classroom.function.runtime.EnginePool;
import org.classroom.function.runtime.GalleryCache;
import org.classroom.function.runtime.StudentDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises the people in one video, adds each one's student record and keeps each one's face
 * crop in the evidence bucket. A recording long enough to split is handed to the {@link FanOut}
 * coordinator, which has its segments done at once.
 */
public final class Recognition {

    private static final Logger LOG = LoggerFactory.getLogger(Recognition.class);

    private final EnginePool engines;
    private final GalleryCache gallery;
    private final StudentDirectory students;
    private final EvidenceBucket evidence;
    private final Optional<FanOut> fanOut;
    private final ResultCorrections corrections;

    /**
     * @param fanOut      the coordinator for long recordings; empty when every recording is done whole
     * @param corrections the users' corrections, applied last (the crops keep the keys the engine's names gave)
     */
    public Recognition(EnginePool engines, GalleryCache gallery, StudentDirectory students, EvidenceBucket evidence,
                       Optional<FanOut> fanOut, ResultCorrections corrections) {
        this.corrections = corrections;
        this.engines = engines;
        this.gallery = gallery;
        this.students = students;
        this.evidence = evidence;
        this.fanOut = fanOut;
    }

    /**
     * The engine's result with records added. Bad input comes back as the engine's {@code invalid-video}
     * result; a fault inside the engine (a bug, not the input) becomes a final {@code error} result,
     * since running it again would fail again. Table faults and an engine that cannot be loaded are
     * thrown, for the message to be retried, and so is a segment of a long recording that failed on every try.
     * The video is read where it lies (by ranges); whether it was read whole is the caller's to check (a
     * segment checks its own reads). {@code progress} is told how far it is.
     */
    public VideoResult recognise(RandomAccessInput video, ObjectRef object, String etag, VideoProgress progress) {
        String key = object.key();
        // The length is read (header and index, by ranges) only for a file large enough to be worth splitting.
        double length = fanOut.isPresent() && fanOut.get().mightApply(video.size())
                ? RecordingLength.seconds(video, key) : 0;
        if (fanOut.isPresent() && fanOut.get().applies(length)) {
            RecognisedVideo merged = fanOut.get().recognise(object, etag, video.size(), length, progress);
            // Each segment sends its people's best-view crops and frames and its share of the filmstrip; the merge
            // keeps the crops and frames of the views it names best and joins the thumbnails into one strip.
            return corrections.apply(evidence.keep(withRecords(merged.result()).withVideo(key, etag), merged.crops(),
                    merged.frames(), merged.filmstrip()));
        }
        Gallery known = gallery.get();
        RecognisedVideo recognised;
        try {
            recognised = engines.with(engine -> engine.recogniseWithCrops(video, key, known, progress));
        } catch (EnginePool.EngineUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("the face engine failed on {}", key, e);
            return VideoResult.failure(key, ResultStatus.ERROR, "the face engine failed: " + e, etag);
        }
        return corrections.apply(evidence.keep(withRecords(recognised.result()).withVideo(key, etag),
                recognised.crops(), recognised.frames(), recognised.filmstrip()));
    }

    private VideoResult withRecords(VideoResult result) {
        List<RecognisedPerson> people = result.people().stream()
                .map(person -> person.withRecord(students.get(person.name())))
                .toList();
        return result.withPeople(people);
    }
}
