package org.classroom.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.classroom.common.config.SampleData;
import org.junit.jupiter.api.Test;

class CourseWorkloadTest {

    @Test
    void buildsTheHundredVideosOfTheCourseLoadTest() {
        Path samples = SampleData.find().orElse(null);
        assumeTrue(samples != null, SampleData::missingMessage);

        List<CourseWorkload.Video> videos = CourseWorkload.from(samples, 1);

        assertThat(videos).hasSize(100);
        assertThat(videos).extracting(CourseWorkload.Video::key).doesNotHaveDuplicates().contains("test_0.mp4", "test_100.mp4");
        assertThat(videos).allSatisfy(video -> assertThat(video.source()).exists());
        Map<String, String> byKey = videos.stream()
                .collect(Collectors.toMap(CourseWorkload.Video::key, CourseWorkload.Video::expectedName));
        // The mapping's first lines: test_5 and test_13 are computer_science,sophomore: vin_diesel (test_5.mp4).
        assertThat(byKey).containsEntry("test_5.mp4", "vin_diesel").containsEntry("test_13.mp4", "vin_diesel");
        assertThat(videos).filteredOn(video -> video.key().equals("test_13.mp4"))
                .extracting(video -> video.source().getFileName().toString()).containsExactly("test_5.mp4");
    }

    @Test
    void copiesGetTheirOwnKeys() {
        Path samples = SampleData.find().orElse(null);
        assumeTrue(samples != null, SampleData::missingMessage);

        assertThat(CourseWorkload.from(samples, 3)).hasSize(300).extracting(CourseWorkload.Video::key).doesNotHaveDuplicates();
    }

    @Test
    void namesAMappingLineWithoutAStudent(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("student_data.json"), "[{\"id\":1,\"name\":\"a\",\"major\":\"m\",\"year\":\"y\"}]");
        Files.writeString(folder.resolve("expected.csv"), "video,name,id,major,year\ntest_0.mp4,a,1,m,y\n");
        Files.writeString(folder.resolve("mapping"), "test_0.mp4:m,y\ntest_9.mp4:art,senior\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CourseWorkload.from(folder, 1))
                .hasMessageContaining("test_9.mp4:art,senior");
    }
}
