package org.classroom.face.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FilmstripLimitTest {

    @Test
    void theBoundIs360UnlessTheSettingSaysOtherwise() {
        assertThat(FilmstripLimit.parse(Map.of())).isEqualTo(360);
        assertThat(FilmstripLimit.parse(Map.of("CLASSROOM_FILMSTRIP_MAX", " 90 "))).isEqualTo(90);
        assertThatThrownBy(() -> FilmstripLimit.parse(Map.of("CLASSROOM_FILMSTRIP_MAX", "0")))
                .hasMessageContaining("CLASSROOM_FILMSTRIP_MAX");
        assertThatThrownBy(() -> FilmstripLimit.parse(Map.of("CLASSROOM_FILMSTRIP_MAX", "lots")))
                .hasMessageContaining("not lots");
    }
}
