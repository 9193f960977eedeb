package org.classroom.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One gallery person seen in a video: the student's record (empty fields when the gallery name has
 * no row), the best (smallest) descriptor distance over all frames, where that best face was and, when
 * the engine followed them through the video, when they were on screen ({@code appearances}, omitted
 * from the JSON when unknown so that older results read the same) and, when the function kept one, the
 * evidence bucket's key of the face crop from that best view ({@code crop}) and of the whole frame of that
 * view, downscaled ({@code frame}; omitted when none was kept, so older results read the same), and where they are
 * in the frames kept for other people's best views ({@code seenIn}, omitted when empty).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecognisedPerson(
        String name,
        Integer id,
        String major,
        String year,
        double distance,
        FaceBox box,
        Double frameSeconds,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Appearance> appearances,
        String crop,
        String frame,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FrameBox> seenIn) {

    public RecognisedPerson {
        appearances = appearances == null ? List.of() : List.copyOf(appearances);
        seenIn = seenIn == null ? List.of() : List.copyOf(seenIn);
    }

    /** A person seen in no other kept frame. */
    public RecognisedPerson(String name, Integer id, String major, String year, double distance, FaceBox box,
                            Double frameSeconds, List<Appearance> appearances, String crop, String frame) {
        this(name, id, major, year, distance, box, frameSeconds, appearances, crop, frame, List.of());
    }

    /** A person without a kept frame. */
    public RecognisedPerson(String name, Integer id, String major, String year, double distance, FaceBox box,
                            Double frameSeconds, List<Appearance> appearances, String crop) {
        this(name, id, major, year, distance, box, frameSeconds, appearances, crop, null);
    }

    /** A person without a kept face crop. */
    public RecognisedPerson(String name, Integer id, String major, String year, double distance, FaceBox box,
                            Double frameSeconds, List<Appearance> appearances) {
        this(name, id, major, year, distance, box, frameSeconds, appearances, null);
    }

    /** A person without appearances (results made before the engine followed people). */
    public RecognisedPerson(String name, Integer id, String major, String year, double distance, FaceBox box,
                            Double frameSeconds) {
        this(name, id, major, year, distance, box, frameSeconds, List.of());
    }

    public static RecognisedPerson of(Student student, double distance, FaceBox box, Double frameSeconds) {
        return new RecognisedPerson(student.name(), student.id(), student.major(), student.year(),
                distance, box, frameSeconds, List.of());
    }

    /** The same person with the record looked up later (the engine knows names only). */
    public RecognisedPerson withRecord(Student student) {
        return new RecognisedPerson(name, student.id(), student.major(), student.year(), distance, box, frameSeconds,
                appearances, crop, frame, seenIn);
    }

    /** The same person with the evidence bucket's key of their face crop. */
    public RecognisedPerson withCrop(String cropKey) {
        return new RecognisedPerson(name, id, major, year, distance, box, frameSeconds, appearances, cropKey, frame,
                seenIn);
    }

    /** The same person with the evidence bucket's key of the frame of their best view. */
    public RecognisedPerson withFrame(String frameKey) {
        return new RecognisedPerson(name, id, major, year, distance, box, frameSeconds, appearances, crop, frameKey,
                seenIn);
    }

    /** The same person with where they are in frames kept for others. */
    public RecognisedPerson withSeenIn(List<FrameBox> frames) {
        return new RecognisedPerson(name, id, major, year, distance, box, frameSeconds, appearances, crop, frame, frames);
    }

    public Student student() {
        return new Student(name, id, major, year);
    }
}
