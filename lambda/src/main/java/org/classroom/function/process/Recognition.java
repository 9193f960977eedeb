package org.classroom.function.process;

import java.util.List;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.face.RecognisedVideo;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.video.RandomAccessInput;
import org.classroom.function.runtime.EnginePool;
import org.classroom.function.runtime.GalleryCache;
import org.classroom.function.runtime.StudentDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises the people in one video, adds each one's student record and keeps each one's face
 * crop in the evidence bucket.
 */
public final class Recognition {

    private static final Logger LOG = LoggerFactory.getLogger(Recognition.class);

    private final EnginePool engines;
    private final GalleryCache gallery;
    private final StudentDirectory students;
    private final EvidenceBucket evidence;
    private final ResultCorrections corrections;

    public Recognition(EnginePool engines, GalleryCache gallery, StudentDirectory students, EvidenceBucket evidence) {
        this(engines, gallery, students, evidence, ResultCorrections.NONE);
    }

    /** @param corrections the users' corrections, applied last (the crops keep the keys the engine's names gave) */
    public Recognition(EnginePool engines, GalleryCache gallery, StudentDirectory students, EvidenceBucket evidence,
                       ResultCorrections corrections) {
        this.corrections = corrections;
        this.engines = engines;
        this.gallery = gallery;
        this.students = students;
        this.evidence = evidence;
    }

    /**
     * The engine's result with records added. Bad input comes back as the engine's {@code invalid-video}
     * result; a fault inside the engine (a bug, not the input) becomes a final {@code error} result,
     * since running it again would fail again. Table faults and an engine that cannot be loaded are
     * thrown, for the message to be retried. The video is read where it lies (by ranges); whether it was
     * read whole is the caller's to check.
     */
    public VideoResult recognise(RandomAccessInput video, String key, String etag) {
        Gallery known = gallery.get();
        RecognisedVideo recognised;
        try {
            recognised = engines.with(engine -> engine.recogniseWithCrops(video, key, known));
        } catch (EnginePool.EngineUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("the face engine failed on {}", key, e);
            return VideoResult.failure(key, ResultStatus.ERROR, "the face engine failed: " + e, etag);
        }
        VideoResult result = recognised.result();
        List<RecognisedPerson> people = result.people().stream()
                .map(person -> person.withRecord(students.get(person.name())))
                .toList();
        return corrections.apply(evidence.keep(result.withPeople(people).withVideo(key, etag), recognised.crops()));
    }
}
