package org.classroom.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path home;

    @Test
    void defaultsApplyWithNothingSet() {
        ClassroomConfig config = new ConfigLoader(Map.of(), home.resolve("none.properties")).load(Map.of());
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.inputBucket()).isEqualTo("classroom-input");
        assertThat(config.endpoint()).isNull();
        assertThat(config.isLocal()).isFalse();
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile() throws Exception {
        Path file = home.resolve("config.properties");
        Files.writeString(file, "input.bucket=from-file\noutput.bucket=from-file\ntable=from-file\n");
        ConfigLoader loader = new ConfigLoader(
                Map.of("CLASSROOM_INPUT_BUCKET", "from-env", "CLASSROOM_OUTPUT_BUCKET", "from-env"), file);
        ClassroomConfig config = loader.load(Map.of("input.bucket", "from-flag"));
        assertThat(config.inputBucket()).isEqualTo("from-flag");
        assertThat(config.outputBucket()).isEqualTo("from-env");
        assertThat(config.table()).isEqualTo("from-file");
    }

    @Test
    void saveKeepsOtherSettingsAndReadsBack() {
        ConfigLoader loader = new ConfigLoader(Map.of(), home.resolve("sub/config.properties"));
        loader.save(Map.of(Setting.ENDPOINT, "http://127.0.0.1:4566"));
        loader.save(Map.of(Setting.TABLE, "mine"));
        ClassroomConfig config = loader.load(Map.of());
        assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
        assertThat(config.table()).isEqualTo("mine");
        assertThat(config.isLocal()).isTrue();
    }

    @Test
    void badValuesNameTheSetting() throws Exception {
        ConfigLoader loader = new ConfigLoader(Map.of("CLASSROOM_ENDPOINT", "localhost"), home.resolve("x"));
        assertThatThrownBy(() -> loader.load(Map.of())).hasMessageContaining("endpoint").hasMessageContaining("not a URL");
        Path file = home.resolve("bad.properties");
        Files.writeString(file, "input.buckett=typo\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of(), file).load(Map.of()))
                .hasMessageContaining("unknown setting 'input.buckett'");
    }

    @Test
    void faceCropsGoToTheEvidenceBucketAndExpireAfterTheDaysSet() {
        ClassroomConfig defaults = new ConfigLoader(Map.of(), home.resolve("none.properties")).load(Map.of());
        assertThat(defaults.evidenceBucket()).isEqualTo("classroom-evidence");
        assertThat(defaults.evidenceDays()).isEqualTo(30);

        ClassroomConfig set = new ConfigLoader(Map.of("CLASSROOM_EVIDENCE_BUCKET", "crops", "CLASSROOM_EVIDENCE_DAYS", "7"),
                home.resolve("none.properties")).load(Map.of());
        assertThat(set.evidenceBucket()).isEqualTo("crops");
        assertThat(set.evidenceDays()).isEqualTo(7);
        assertThat(set.settings()).containsEntry(Setting.EVIDENCE_DAYS, "7");
        assertThatThrownBy(() -> new ConfigLoader(Map.of(), home.resolve("none.properties"))
                .load(Map.of(Setting.EVIDENCE_DAYS.key(), "0")))
                .hasMessageContaining("evidence.days").hasMessageContaining("at least 1");
    }

    @Test
    void configFileFollowsXdgAndAnExplicitPath() {
        assertThat(ConfigLoader.defaultConfigFile(Map.of("XDG_CONFIG_HOME", "/x")))
                .isEqualTo(Path.of("/x/classroom/config.properties"));
        assertThat(ConfigLoader.defaultConfigFile(Map.of("CLASSROOM_CONFIG", "/y/c.properties")))
                .isEqualTo(Path.of("/y/c.properties"));
    }
}
