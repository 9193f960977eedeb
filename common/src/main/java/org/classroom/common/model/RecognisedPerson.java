package org.classroom.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One gallery person seen in a video: the student's record (empty fields when the gallery name has
 * no row), the best (smallest) descriptor distance over all frames, and where that best face was.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecognisedPerson(
        String name,
        Integer id,
        String major,
        String year,
        double distance,
        FaceBox box,
        Double frameSeconds) {

    public static RecognisedPerson of(Student student, double distance, FaceBox box, Double frameSeconds) {
        return new RecognisedPerson(student.name(), student.id(), student.major(), student.year(),
                distance, box, frameSeconds);
    }

    /** The same person with the record looked up later (the engine knows names only). */
    public RecognisedPerson withRecord(Student student) {
        return new RecognisedPerson(name, student.id(), student.major(), student.year(), distance, box, frameSeconds);
    }

    public Student student() {
        return new Student(name, id, major, year);
    }
}
