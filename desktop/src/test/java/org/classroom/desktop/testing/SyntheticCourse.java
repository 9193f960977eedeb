package org.classroom.desktop.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;

/**
 * A generated course: students, one recorded lecture per week with whoever came (drawn from a seeded
 * random source), and the tally each test checks the attendance view against, counted here as the
 * lectures are drawn, not by the code under test.
 */
public final class SyntheticCourse {

    public final List<Student> students = new ArrayList<>();
    public final List<VideoResult> results = new ArrayList<>();
    /** Per lecture (in week order), how many students came. */
    public final List<Integer> presentPerLecture = new ArrayList<>();
    /** Per student (in roster order), how many lectures they came to. */
    public final int[] attended;
    /** Per student, seconds on screen over the term. */
    public final double[] seconds;

    public SyntheticCourse(int studentCount, int lectureCount, long seed) {
        Random random = new Random(seed);
        for (int s = 0; s < studentCount; s++) {
            students.add(new Student(String.format("student_%03d", s), 1000 + s, s % 2 == 0 ? "physics" : "history",
                    s % 3 == 0 ? "junior" : "senior"));
        }
        attended = new int[studentCount];
        seconds = new double[studentCount];
        Instant monday = Instant.parse("2026-01-12T09:00:00Z");
        for (int l = 0; l < lectureCount; l++) {
            List<RecognisedPerson> people = new ArrayList<>();
            for (int s = 0; s < studentCount; s++) {
                // the last student never comes; the others come most weeks
                if (s < studentCount - 1 && random.nextDouble() < 0.75) {
                    double from = random.nextInt(600);
                    double to = from + 60 + random.nextInt(3000);
                    Student student = students.get(s);
                    people.add(new RecognisedPerson(student.name(), student.id(), student.major(), student.year(),
                            0.4, null, from, List.of(new Appearance(from, to))));
                    attended[s]++;
                    seconds[s] += to - from;
                }
            }
            presentPerLecture.add(people.size());
            results.add(new VideoResult(String.format("week %02d/lecture.mp4", l + 1), ResultStatus.RECOGNISED, people,
                    people.size(), 0, null, null, Map.of(), monday.plusSeconds(7L * 86_400 * l)));
        }
    }
}
