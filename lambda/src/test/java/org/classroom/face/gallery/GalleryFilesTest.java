package org.classroom.face.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classroom.common.config.SampleData;
import org.classroom.common.format.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryFilesTest {

    @TempDir
    Path dir;

    private static Path samples() {
        Optional<Path> samples = SampleData.find();
        assumeTrue(samples.isPresent(), SampleData::missingMessage);
        return samples.get();
    }

    @Test
    void readsTheCoursePickleAsTheSameNumbersAsItsJson() throws Exception {
        Path samples = samples();
        Gallery pickled = PickleGalleryReader.read(samples.resolve("encoding"));
        JsonNode json = Json.mapper().readTree(samples.resolve("encoding.json").toFile());

        assertThat(pickled.size()).isEqualTo(11);
        assertThat(pickled.names()).contains("vin_diesel", "floki", "president_trump", "bush");
        for (int i = 0; i < json.get("names").size(); i++) {
            String name = json.get("names").get(i).asText();
            double[] expected = new double[128];
            for (int j = 0; j < 128; j++) {
                expected[j] = json.get("encodings").get(i).get(j).doubleValue();
            }
            assertThat(pickled.encodingsOf(name)).as(name).hasSize(1);
            assertThat(pickled.encodingsOf(name).get(0)).as(name).containsExactly(expected);
        }
    }

    @Test
    void convertsPickleToJsonAndBackWithoutLosingANumber() throws Exception {
        Gallery pickled = PickleGalleryReader.read(samples().resolve("encoding"));
        Path file = dir.resolve("gallery.json");
        JsonGallery.write(pickled, file);
        Gallery back = GalleryFiles.read(file);
        assertThat(back.names()).containsExactlyElementsOf(pickled.names());
        for (String name : pickled.names()) {
            assertThat(back.encodingsOf(name).get(0)).containsExactly(pickled.encodingsOf(name).get(0));
        }
        assertThat(GalleryFiles.read(samples().resolve("encoding")).size()).isEqualTo(11);
        assertThat(GalleryFiles.inSamples(samples())).contains(samples().resolve("encoding"));
    }

    @Test
    void writesAPickleInTheCoursesShapeThatReadsBackTheSame() throws Exception {
        Gallery course = PickleGalleryReader.read(samples().resolve("encoding"));
        Path file = dir.resolve("encoding");
        PickleGalleryWriter.write(course, file);
        Gallery back = GalleryFiles.read(file);
        assertThat(back.names()).containsExactlyElementsOf(course.names());
        for (String name : course.names()) {
            assertThat(back.encodingsOf(name).get(0)).as(name).containsExactly(course.encodingsOf(name).get(0));
        }
        // Same opcodes as numpy's own pickle, byte for byte, apart from the memo entries Python adds.
        byte[] written = Files.readAllBytes(file);
        assertThat(written[0] & 0xff).isEqualTo(0x80);
        assertThat(written[1]).isEqualTo((byte) 3);
        assertThat(new String(written, StandardCharsets.ISO_8859_1))
                .contains("cnumpy.core.multiarray\n_reconstruct\n").contains("cnumpy\ndtype\n");
    }

    @Test
    void keepsSeveralEncodingsPerPerson() throws Exception {
        Map<String, List<double[]>> people = new LinkedHashMap<>();
        people.put("ada", List.of(filled(0.1), filled(0.2)));
        people.put("bob", List.of(filled(-0.3)));
        Path file = dir.resolve("several.json");
        JsonGallery.write(new Gallery(people), file);

        JsonNode written = Json.mapper().readTree(file.toFile());
        assertThat(written.get("names")).hasSize(3);
        Gallery back = JsonGallery.read(file);
        assertThat(back.encodingsOf("ada")).hasSize(2);
        Path pickle = dir.resolve("several.pickle");
        PickleGalleryWriter.write(back, pickle);
        assertThat(PickleGalleryReader.read(pickle).encodingsOf("ada")).hasSize(2);
        assertThat(back.encodingsOf("ada").get(1)[127]).isEqualTo(0.2);
        assertThat(back.encodingsOf("bob").get(0)[0]).isEqualTo(-0.3);
    }

    @Test
    void refusesFilesThatAreNotGalleries() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> GalleryFiles.read(text)).isInstanceOf(GalleryFormatException.class)
                .hasMessageContaining("neither");
        Path shortOne = Files.writeString(dir.resolve("short.json"), "{\"names\": [\"a\"], \"encodings\": [[1, 2]]}");
        assertThatThrownBy(() -> GalleryFiles.read(shortOne)).isInstanceOf(GalleryFormatException.class)
                .hasMessageContaining("128 numbers");
        Path uneven = Files.writeString(dir.resolve("uneven.json"), "{\"names\": [\"a\", \"b\"], \"encodings\": []}");
        assertThatThrownBy(() -> GalleryFiles.read(uneven)).hasMessageContaining("2 names but 0 encodings");
        byte[] bytes = Files.readAllBytes(samples().resolve("encoding"));
        Path cut = Files.write(dir.resolve("cut.pickle"), Arrays.copyOf(bytes, bytes.length / 3));
        assertThatThrownBy(() -> GalleryFiles.read(cut)).isInstanceOf(GalleryFormatException.class);
        assertThatThrownBy(() -> GalleryFiles.read(dir.resolve("missing"))).hasMessageContaining("no gallery file");
    }

    private static double[] filled(double value) {
        double[] encoding = new double[128];
        Arrays.fill(encoding, value);
        return encoding;
    }
}
