package org.classroom.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classroom.common.config.SampleData;
import org.classroom.common.model.Student;
import org.classroom.common.students.StudentFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudentFileTest {

    @TempDir
    Path dir;

    @Test
    void readsTheCoursesStudents() {
        Path samples = SampleData.find().orElse(null);
        Assumptions.assumeTrue(samples != null, SampleData::missingMessage);
        List<Student> students = StudentFile.read(samples.resolve("student_data.json"));
        assertThat(students).hasSize(8).contains(new Student("mr_bean", 1, "lawyer", "freshmen"));
    }

    @Test
    void badFilesSayWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> StudentFile.read(dir.resolve("missing.json"))).hasMessageContaining("not found");
        Path broken = Files.writeString(dir.resolve("broken.json"), "[{\"name\": ");
        assertThatThrownBy(() -> StudentFile.read(broken)).hasMessageContaining("not valid JSON");
        Path noName = Files.writeString(dir.resolve("noname.json"), "[{\"id\": 1}]");
        assertThatThrownBy(() -> StudentFile.read(noName)).hasMessageContaining("entry 0").hasMessageContaining("name");
        Path twice = Files.writeString(dir.resolve("twice.json"), "[{\"name\":\"a\"},{\"name\":\"a\"}]");
        assertThatThrownBy(() -> StudentFile.read(twice)).hasMessageContaining("appears twice");
        Path object = Files.writeString(dir.resolve("object.json"), "{}");
        assertThatThrownBy(() -> StudentFile.read(object)).hasMessageContaining("JSON array");
    }
}
