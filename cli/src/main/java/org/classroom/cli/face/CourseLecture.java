package org.classroom.cli.face;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.classroom.cli.support.UserError;
import org.classroom.face.video.LectureMaker;
import org.classroom.face.video.LectureMaker.Nobody;
import org.classroom.face.video.LectureMaker.One;
import org.classroom.face.video.LectureMaker.Scene;
import org.classroom.face.video.LectureMaker.SideBySide;

/**
 * A lecture of any length made from the course clips, for the benchmark: two-minute blocks of nobody, one
 * student for 30 s, two side by side for 40 s, one for 12 s only, the students taken in turn. Remembers who
 * is on screen, so that the benchmark can say whether everyone was found.
 */
final class CourseLecture {

    /** The engine leaves the boy in test_5 unnamed (so did the course's seed), so he would count as missed. */
    private static final String UNNAMED_CLIP = "test_5.mp4";
    /** A scene cut shorter than this by the end of the recording is left out: nobody need see it. */
    private static final double SHORTEST_SCENE = 10;

    record Plan(List<Scene> scenes, Set<String> onScreen) {
    }

    private CourseLecture() {
    }

    /** The scenes for {@code seconds} of recording, from the clips named in the course's expected.csv. */
    static Plan plan(Path samples, double seconds) {
        Map<Path, String> students = students(samples);
        List<Path> clips = new ArrayList<>(students.keySet());
        List<Scene> scenes = new ArrayList<>();
        Set<String> onScreen = new LinkedHashSet<>();
        double planned = 0;
        int next = 0;
        while (planned < seconds) {
            Path a = clips.get(next++ % clips.size());
            Path b = clips.get(next++ % clips.size());
            Path c = clips.get(next++ % clips.size());
            Path d = clips.get(next++ % clips.size());
            List<Scene> block = List.of(new Nobody(20), new One(a, 30), new Nobody(10), new SideBySide(b, c, 40),
                    new One(d, 12), new Nobody(8));
            for (Scene scene : block) {
                double left = seconds - planned;
                if (left <= 0) {
                    break;
                }
                Scene cut = scene.seconds() <= left ? scene : shortened(scene, left);
                scenes.add(cut);
                planned += cut.seconds();
                if (cut instanceof One one) {
                    onScreen.add(students.get(one.clip()));
                } else if (cut instanceof SideBySide pair) {
                    onScreen.add(students.get(pair.left()));
                    onScreen.add(students.get(pair.right()));
                }
            }
        }
        return new Plan(scenes, onScreen);
    }

    private static Scene shortened(Scene scene, double seconds) {
        if (seconds < SHORTEST_SCENE) {
            return new Nobody(seconds);
        }
        if (scene instanceof One one) {
            return new One(one.clip(), seconds);
        }
        if (scene instanceof SideBySide pair) {
            return new SideBySide(pair.left(), pair.right(), seconds);
        }
        return new Nobody(seconds);
    }

    /** Clip → student name, from expected.csv ({@code video,name,...}), for the clips present. */
    private static Map<Path, String> students(Path samples) {
        Path expected = samples.resolve("expected.csv");
        Map<Path, String> students = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(expected).stream().skip(1).toList()) {
                String[] fields = line.split(",");
                Path clip = samples.resolve("videos").resolve(fields[0]);
                if (fields.length > 1 && !fields[0].equals(UNNAMED_CLIP) && Files.isRegularFile(clip)) {
                    students.put(clip, fields[1]);
                }
            }
        } catch (IOException e) {
            throw new UserError("cannot read " + expected + " (who is in which course clip): " + e.getMessage());
        }
        if (students.isEmpty()) {
            throw new UserError("no course clips named in " + expected);
        }
        return students;
    }

    static LectureMaker maker() {
        return new LectureMaker(new LectureMaker.Format(1280, 720, 25, 10));
    }
}
