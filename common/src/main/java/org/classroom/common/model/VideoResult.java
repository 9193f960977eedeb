package org.classroom.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome for one video: the JSON result that goes beside the seed-format CSV object, on the
 * output queue, in the relay's log and to the desktop.
 *
 * @param video         the object key in the input bucket (the file name for offline runs)
 * @param status        the final status
 * @param people        recognised gallery people, each once, best distance first
 * @param facesFound    distinct faces found over the sampled frames
 * @param unknownFaces  of those, the faces that matched no gallery person
 * @param reason        why, for {@code invalid-video} and {@code error}; null otherwise
 * @param etag          the source object's ETag, when it came from S3
 * @param timingsMs     time per stage in milliseconds (open, decode, detect, ...)
 * @param finishedAt    when the result was made
 * @param unknownPeople the distinct people who matched no gallery person, each with when they were on
 *                      screen (omitted from the JSON when there are none)
 * @param sequencer     S3's sequencer of the upload the result is for, which orders uploads of one key; null when
 *                      unknown (offline runs, direct invocations, results logged before it was carried)
 * @param durationSeconds how long the video is, as its container says, so that a timeline spans all of it (a
 *                      stretch with nobody at the end included); null when unknown (failures, older results)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoResult(
        String video,
        ResultStatus status,
        List<RecognisedPerson> people,
        int facesFound,
        int unknownFaces,
        String reason,
        String etag,
        Map<String, Double> timingsMs,
        Instant finishedAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UnknownPerson> unknownPeople,
        String sequencer,
        Double durationSeconds) {

    public VideoResult {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(status, "status");
        people = people == null ? List.of() : List.copyOf(people);
        timingsMs = timingsMs == null ? Map.of() : Map.copyOf(timingsMs);
        unknownPeople = unknownPeople == null ? List.of() : List.copyOf(unknownPeople);
        if (durationSeconds != null && !(durationSeconds > 0)) {
            durationSeconds = null;   // a length the container did not know is no length
        }
    }

    /** A result of an upload whose length is not known. */
    public VideoResult(String video, ResultStatus status, List<RecognisedPerson> people, int facesFound,
                       int unknownFaces, String reason, String etag, Map<String, Double> timingsMs,
                       Instant finishedAt, List<UnknownPerson> unknownPeople, String sequencer) {
        this(video, status, people, facesFound, unknownFaces, reason, etag, timingsMs, finishedAt, unknownPeople,
                sequencer, null);
    }

    /** A result of an upload whose place in order is not known. */
    public VideoResult(String video, ResultStatus status, List<RecognisedPerson> people, int facesFound,
                       int unknownFaces, String reason, String etag, Map<String, Double> timingsMs,
                       Instant finishedAt, List<UnknownPerson> unknownPeople) {
        this(video, status, people, facesFound, unknownFaces, reason, etag, timingsMs, finishedAt, unknownPeople, null);
    }

    /** A result without unknown people listed (as every result was before the engine followed people). */
    public VideoResult(String video, ResultStatus status, List<RecognisedPerson> people, int facesFound,
                       int unknownFaces, String reason, String etag, Map<String, Double> timingsMs,
                       Instant finishedAt) {
        this(video, status, people, facesFound, unknownFaces, reason, etag, timingsMs, finishedAt, List.of());
    }

    /** A final failure result (invalid video or unrecovered error) with its reason. */
    public static VideoResult failure(String video, ResultStatus status, String reason, String etag) {
        if (status != ResultStatus.INVALID_VIDEO && status != ResultStatus.ERROR) {
            throw new IllegalArgumentException("not a failure status: " + status);
        }
        return new VideoResult(video, status, List.of(), 0, 0, reason, etag, Map.of(), Instant.now());
    }

    public VideoResult withPeople(List<RecognisedPerson> newPeople) {
        return new VideoResult(video, status, newPeople, facesFound, unknownFaces, reason, etag, timingsMs, finishedAt,
                unknownPeople, sequencer, durationSeconds);
    }

    /** The same result with other unknown people (e.g. with their crops' keys). */
    public VideoResult withUnknownPeople(List<UnknownPerson> newUnknownPeople) {
        return new VideoResult(video, status, people, facesFound, unknownFaces, reason, etag, timingsMs, finishedAt,
                newUnknownPeople, sequencer, durationSeconds);
    }

    public VideoResult withVideo(String newVideo, String newEtag) {
        return new VideoResult(newVideo, status, people, facesFound, unknownFaces, reason, newEtag, timingsMs, finishedAt,
                unknownPeople, sequencer, durationSeconds);
    }

    /** The same result with another reason (e.g. one that names the upload rather than a temporary file). */
    public VideoResult withReason(String newReason) {
        return new VideoResult(video, status, people, facesFound, unknownFaces, newReason, etag, timingsMs, finishedAt,
                unknownPeople, sequencer, durationSeconds);
    }

    /** The same result with other stage timings, finished now if it did not say when. */
    public VideoResult withTimings(Map<String, Double> newTimings) {
        return new VideoResult(video, status, people, facesFound, unknownFaces, reason, etag, newTimings,
                finishedAt == null ? Instant.now() : finishedAt, unknownPeople, sequencer, durationSeconds);
    }

    /** The same result marked with the S3 sequencer of the upload it is for. */
    public VideoResult withSequencer(String newSequencer) {
        return new VideoResult(video, status, people, facesFound, unknownFaces, reason, etag, timingsMs, finishedAt,
                unknownPeople, newSequencer, durationSeconds);
    }

    /** The same result saying how long its video is. */
    public VideoResult withDuration(Double newDurationSeconds) {
        return new VideoResult(video, status, people, facesFound, unknownFaces, reason, etag, timingsMs, finishedAt,
                unknownPeople, sequencer, newDurationSeconds);
    }
}
