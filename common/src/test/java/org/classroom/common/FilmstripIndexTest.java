package org.classroom.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.classroom.common.format.FilmstripIndex;
import org.classroom.common.format.FilmstripIndex.Thumbnail;
import org.junit.jupiter.api.Test;

class FilmstripIndexTest {

    private final FilmstripIndex index = new FilmstripIndex(List.of(
            new Thumbnail(20.0, 3000, 900), new Thumbnail(0.0, 0, 1000), new Thumbnail(10.0, 1000, 2000)));

    @Test
    void theNearestThumbnailToATimeIsFoundWhateverTheOrderItWasGivenIn() {
        assertThat(index.thumbnails()).extracting(Thumbnail::seconds).containsExactly(0.0, 10.0, 20.0);
        assertThat(index.nearest(-5)).map(Thumbnail::offset).contains(0L);
        assertThat(index.nearest(6)).map(Thumbnail::offset).contains(1000L);
        assertThat(index.nearest(14.9)).map(Thumbnail::offset).contains(1000L);
        assertThat(index.nearest(99)).map(Thumbnail::offset).contains(3000L);
        assertThat(new FilmstripIndex(List.of()).nearest(3)).isEmpty();
    }

    @Test
    void itReadsBackFromItsJson() throws IOException {
        byte[] json = index.toJson();

        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("{\"thumbnails\":[{\"seconds\":0.0,\"offset\":0,\"length\":1000}");
        assertThat(FilmstripIndex.fromJson(json)).isEqualTo(index);
    }
}
