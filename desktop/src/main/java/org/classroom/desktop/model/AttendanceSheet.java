package org.classroom.desktop.model;

import java.util.List;

/**
 * The attendance view's content: lectures (the columns), students (the rows; never-seen students first,
 * then by name) and how many students were present at each lecture (the chart), all computed off the UI
 * thread so that the view only draws.
 */
public record AttendanceSheet(LectureGrouping grouping, List<Lecture> lectures, List<StudentAttendance> students,
                              List<Integer> presentPerLecture) {

    public AttendanceSheet {
        lectures = List.copyOf(lectures);
        students = List.copyOf(students);
        presentPerLecture = List.copyOf(presentPerLecture);
        if (presentPerLecture.size() != lectures.size()) {
            throw new IllegalArgumentException("one count per lecture: " + presentPerLecture.size()
                    + " counts for " + lectures.size() + " lectures");
        }
    }

    public static AttendanceSheet empty(LectureGrouping grouping) {
        return new AttendanceSheet(grouping, List.of(), List.of(), List.of());
    }

    public long neverSeen() {
        return students.stream().filter(StudentAttendance::neverSeen).count();
    }
}
