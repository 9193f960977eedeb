package org.classroom.desktop.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.classroom.common.format.EnrolmentKeys;
import org.classroom.common.model.Student;
import org.classroom.desktop.logic.roster.Roster;

/** A roster kept in memory; enrolments are recorded by key. */
public final class MemoryRoster implements Roster {

    private final Map<String, Student> students = new ConcurrentHashMap<>();
    public final List<String> enrolmentKeys = new CopyOnWriteArrayList<>();

    public MemoryRoster(List<Student> initial) {
        initial.forEach(s -> students.put(s.name(), s));
    }

    @Override
    public List<Student> list() {
        List<Student> list = new ArrayList<>(students.values());
        list.sort(Comparator.comparing(Student::name));
        return list;
    }

    @Override
    public void save(Student student) {
        students.put(student.name(), student);
    }

    @Override
    public void remove(String name) {
        students.remove(name);
    }

    @Override
    public String enrol(String name, Path file) throws IOException {
        String key = EnrolmentKeys.key(name, file.getFileName().toString());
        enrolmentKeys.add(key);
        return key;
    }

    @Override
    public void close() {
    }
}
