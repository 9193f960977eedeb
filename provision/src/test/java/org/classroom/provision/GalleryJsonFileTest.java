package org.classroom.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.classroom.common.config.SampleData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryJsonFileTest {

    @Test
    void theCourseGalleryHasElevenPeopleOf128Numbers() {
        Path samples = SampleData.find().orElse(null);
        Assumptions.assumeTrue(samples != null, SampleData.missingMessage());

        Map<String, List<double[]>> gallery = GalleryJsonFile.read(samples.resolve("encoding.json"));

        assertThat(gallery).hasSize(11).containsKeys("president_trump", "mr_bean", "floki");
        assertThat(gallery.values()).allSatisfy(encodings -> assertThat(encodings).allSatisfy(e -> assertThat(e).hasSize(128)));
    }

    @Test
    void aNameGivenTwiceKeepsBothEncodings(@TempDir Path folder) throws Exception {
        String numbers = String.join(",", Collections.nCopies(128, "0.5"));
        Path file = Files.writeString(folder.resolve("g.json"),
                "{\"names\":[\"ada\",\"ada\"],\"encodings\":[[" + numbers + "],[" + numbers + "]]}");

        assertThat(GalleryJsonFile.read(file).get("ada")).hasSize(2);
    }

    @Test
    void malformedGalleriesNameTheFileAndTheProblem(@TempDir Path folder) throws Exception {
        Path shortOne = Files.writeString(folder.resolve("short.json"), "{\"names\":[\"ada\"],\"encodings\":[[1,2,3]]}");
        Path uneven = Files.writeString(folder.resolve("uneven.json"), "{\"names\":[\"ada\",\"bob\"],\"encodings\":[]}");
        Path broken = Files.writeString(folder.resolve("broken.json"), "{");

        assertThatThrownBy(() -> GalleryJsonFile.read(shortOne)).hasMessageContaining("short.json").hasMessageContaining("128");
        assertThatThrownBy(() -> GalleryJsonFile.read(uneven)).hasMessageContaining("2 names but 0 encodings");
        assertThatThrownBy(() -> GalleryJsonFile.read(broken)).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> GalleryJsonFile.read(folder.resolve("missing.json"))).hasMessageContaining("not found");
    }
}
