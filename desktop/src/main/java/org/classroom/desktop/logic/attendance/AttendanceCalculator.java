package org.classroom.desktop.logic.attendance;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.classroom.common.format.EnrolmentKeys;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.model.AttendanceSheet;
import org.classroom.desktop.model.Lecture;
import org.classroom.desktop.model.LectureGrouping;
import org.classroom.desktop.model.Presence;
import org.classroom.desktop.model.StudentAttendance;

/**
 * Turns the latest result of each video and the roster into the attendance sheet. Rules:
 * <ul>
 *   <li>a lecture is a video, a folder or a day ({@link LectureNames}); lectures are in natural order;</li>
 *   <li>a video whose result is {@code invalid-video} or {@code error} is left out: nobody could be seen
 *       in it, so it must not make everyone absent; enrolment uploads are no lectures either;</li>
 *   <li>a student is present at a lecture when any of its videos recognised them; their time on screen
 *       is the union of their appearances per video, summed over the lecture's videos; a result without
 *       appearances (made before the engine followed people) still makes them present, untimed;</li>
 *   <li>the rows are the roster's students and anyone recognised who is not in it; never-seen students
 *       come first, then everyone by name.</li>
 * </ul>
 * Plain Java, no toolkit: the view model runs it off the UI thread.
 */
public final class AttendanceCalculator {

    private AttendanceCalculator() {
    }

    public static AttendanceSheet compute(List<Student> roster, Collection<VideoResult> results,
                                          LectureGrouping grouping, ZoneId zone) {
        Map<String, List<VideoResult>> byLecture = new TreeMap<>(NaturalOrder.INSTANCE);
        for (VideoResult result : results) {
            if (isLecture(result)) {
                byLecture.computeIfAbsent(LectureNames.of(result, grouping, zone), name -> new ArrayList<>()).add(result);
            }
        }
        Map<String, Student> students = new LinkedHashMap<>();
        roster.forEach(student -> students.put(student.name(), student));
        Set<String> inRoster = new HashSet<>(students.keySet());

        List<Lecture> lectures = new ArrayList<>();
        List<Map<String, Presence>> presences = new ArrayList<>();
        for (Map.Entry<String, List<VideoResult>> entry : byLecture.entrySet()) {
            List<VideoResult> videos = new ArrayList<>(entry.getValue());
            videos.sort(Comparator.comparing(VideoResult::video, NaturalOrder.INSTANCE));
            lectures.add(new Lecture(entry.getKey(), videos.stream().map(VideoResult::video).toList()));
            Map<String, Presence> present = new HashMap<>();
            for (VideoResult video : videos) {
                for (RecognisedPerson person : video.people()) {
                    students.putIfAbsent(person.name(), person.student());
                    present.merge(person.name(), presenceIn(person), AttendanceCalculator::together);
                }
            }
            presences.add(present);
        }

        List<StudentAttendance> rows = new ArrayList<>(students.size());
        for (Student student : students.values()) {
            List<Presence> cells = new ArrayList<>(lectures.size());
            int attended = 0;
            double seconds = 0;
            for (Map<String, Presence> present : presences) {
                Presence cell = present.getOrDefault(student.name(), Presence.ABSENT);
                cells.add(cell);
                if (cell.present()) {
                    attended++;
                    seconds += cell.seconds();
                }
            }
            rows.add(new StudentAttendance(student, inRoster.contains(student.name()), cells, attended, seconds));
        }
        rows.sort(Comparator.comparing((StudentAttendance row) -> !row.neverSeen())
                .thenComparing(StudentAttendance::name, NaturalOrder.INSTANCE));
        List<Integer> counts = presences.stream().map(Map::size).toList();
        return new AttendanceSheet(grouping, lectures, rows, counts);
    }

    static boolean isLecture(VideoResult result) {
        return !EnrolmentKeys.isEnrolment(result.video())
                && result.status() != ResultStatus.INVALID_VIDEO && result.status() != ResultStatus.ERROR;
    }

    private static Presence presenceIn(RecognisedPerson person) {
        return person.appearances().isEmpty()
                ? new Presence(true, 0, false)
                : new Presence(true, OnScreenTime.seconds(person.appearances()), true);
    }

    private static Presence together(Presence a, Presence b) {
        return new Presence(true, a.seconds() + b.seconds(), a.timed() && b.timed());
    }
}
