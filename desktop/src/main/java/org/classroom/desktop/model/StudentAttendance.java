package org.classroom.desktop.model;

import java.util.List;
import org.classroom.common.model.Student;

/**
 * One row of the attendance view: a student and their presence at each lecture, in the sheet's order.
 *
 * @param inRoster whether the roster lists them (someone recognised but since removed is not)
 * @param attended how many lectures they were present at
 * @param seconds  their time on screen over all lectures (a lower bound when some results had no times)
 */
public record StudentAttendance(Student student, boolean inRoster, List<Presence> lectures, int attended,
                                double seconds) {

    public StudentAttendance {
        lectures = List.copyOf(lectures);
    }

    /** Not seen at any lecture this term (there were lectures): the view makes these stand out. */
    public boolean neverSeen() {
        return attended == 0 && !lectures.isEmpty();
    }

    public String name() {
        return student.name();
    }
}
