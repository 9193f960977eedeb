package org.classroom.desktop.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.FrameBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;

/**
 * One line of the results table: a recognised student, an unknown person (each distinct unknown person
 * has a row of their own, so that their face can be seen and named), or the video alone when nobody
 * was seen (then {@code name} is null and {@code reason} may say why).
 *
 * @param unknownNumber  for an unknown person, their number within the video (1, 2, …); null otherwise
 * @param uploadToResult from the end of the upload to the result's arrival; null when unknown
 * @param crop           the evidence bucket's key of the face crop shown beside the name; null when none
 * @param box            where the person's best view was in its frame; null when not known
 * @param frameSeconds   the time of that best view; null when not known
 * @param appearances    when the person was on screen (empty when not known, and on a video's own row)
 * @param frame          the evidence bucket's key of the frame of that best view; null when none was kept
 * @param seenIn         where the person is in frames kept for others' best views
 * @param videoSeconds   how long the row's video is; null when the result does not say
 */
public record ResultRow(String video, String status, String name, Integer id, String major, String year,
                        Double distance, String reason, Duration uploadToResult, String crop,
                        Integer unknownNumber, FaceBox box, Double frameSeconds, List<Appearance> appearances,
                        String frame, List<FrameBox> seenIn, Double videoSeconds) {

    public ResultRow {
        appearances = appearances == null ? List.of() : List.copyOf(appearances);
        seenIn = seenIn == null ? List.of() : List.copyOf(seenIn);
    }

    /** A row whose video's length is not known. */
    public ResultRow(String video, String status, String name, Integer id, String major, String year,
                     Double distance, String reason, Duration uploadToResult, String crop,
                     Integer unknownNumber, FaceBox box, Double frameSeconds, List<Appearance> appearances,
                     String frame, List<FrameBox> seenIn) {
        this(video, status, name, id, major, year, distance, reason, uploadToResult, crop, unknownNumber, box,
                frameSeconds, appearances, frame, seenIn, null);
    }

    /** A row seen in no other kept frame. */
    public ResultRow(String video, String status, String name, Integer id, String major, String year,
                     Double distance, String reason, Duration uploadToResult, String crop,
                     Integer unknownNumber, FaceBox box, Double frameSeconds, List<Appearance> appearances,
                     String frame) {
        this(video, status, name, id, major, year, distance, reason, uploadToResult, crop, unknownNumber, box,
                frameSeconds, appearances, frame, List.of());
    }

    /** A row without a kept frame. */
    public ResultRow(String video, String status, String name, Integer id, String major, String year,
                     Double distance, String reason, Duration uploadToResult, String crop,
                     Integer unknownNumber, FaceBox box, Double frameSeconds, List<Appearance> appearances) {
        this(video, status, name, id, major, year, distance, reason, uploadToResult, crop, unknownNumber, box,
                frameSeconds, appearances, null);
    }

    /** A row without a person's view or appearances (a video's own row, and tests). */
    public ResultRow(String video, String status, String name, Integer id, String major, String year,
                     Double distance, String reason, Duration uploadToResult, String crop) {
        this(video, status, name, id, major, year, distance, reason, uploadToResult, crop, null, null, null, List.of());
    }

    /** The rows of one result: recognised people first (best match first), then unknown people in order. */
    public static List<ResultRow> of(VideoResult result, Duration uploadToResult) {
        String status = result.status().wireName();
        List<ResultRow> rows = new ArrayList<>();
        for (RecognisedPerson person : result.people()) {
            rows.add(new ResultRow(result.video(), status, person.name(), person.id(), person.major(), person.year(),
                    person.distance(), result.reason(), uploadToResult, person.crop(), null, person.box(),
                    person.frameSeconds(), person.appearances(), person.frame(), person.seenIn(),
                    result.durationSeconds()));
        }
        int number = 0;
        for (UnknownPerson person : result.unknownPeople()) {
            number++;
            rows.add(new ResultRow(result.video(), status, null, null, null, null, null, result.reason(),
                    uploadToResult, person.crop(), number, person.box(), person.frameSeconds(), person.appearances(),
                    person.frame(), person.seenIn(), result.durationSeconds()));
        }
        if (rows.isEmpty()) {
            rows.add(new ResultRow(result.video(), status, null, null, null, null, null, result.reason(),
                    uploadToResult, null));
        }
        return rows;
    }

    /** Whether the row is someone the gallery does not know. */
    public boolean unknown() {
        return unknownNumber != null;
    }

    /** What the Name column shows: the student's name, "Unknown person N", or nothing on a video's own row. */
    public String displayName() {
        if (name != null) {
            return name;
        }
        return unknown() ? "Unknown person " + unknownNumber : null;
    }
}
