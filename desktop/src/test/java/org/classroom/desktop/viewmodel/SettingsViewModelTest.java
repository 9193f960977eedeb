package org.classroom.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.Setting;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {

    @TempDir
    Path dir;

    @Test
    void aFirstRunSavesTheLocalCloudAndTheRelayAndReadsThemBack() {
        SettingsStore store = new SettingsStore(new ConfigLoader(Map.of(), dir.resolve("classroom/config.properties")), Map.of());
        assertThat(store.firstRun()).isTrue();
        SettingsViewModel form = new SettingsViewModel(store.values());
        assertThat(form.localProperty().get()).isFalse();

        form.localProperty().set(true);
        form.relayUrlProperty().set("http://127.0.0.1:8080");
        form.relayTokenProperty().set("s3cret");
        ClassroomConfig saved = store.save(form.values());

        assertThat(store.firstRun()).isFalse();
        assertThat(saved.endpoint()).isEqualTo(URI.create(SettingsViewModel.DEFAULT_LOCAL_ENDPOINT));
        assertThat(saved.relayUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(saved.relayToken()).isEqualTo("s3cret");
        assertThat(saved.inputBucket()).isEqualTo("classroom-input");
    }

    @Test
    void switchingToAnAccountDropsTheEndpointAndKeepsTheProfile() {
        SettingsStore store = new SettingsStore(new ConfigLoader(Map.of(), dir.resolve("config.properties")), Map.of());
        SettingsViewModel local = new SettingsViewModel(store.values());
        local.localProperty().set(true);
        store.save(local.values());

        SettingsViewModel account = new SettingsViewModel(store.values());
        assertThat(account.localProperty().get()).isTrue();
        account.localProperty().set(false);
        account.profileProperty().set("teaching");
        account.regionProperty().set("eu-west-1");
        ClassroomConfig saved = store.save(account.values());

        assertThat(saved.isLocal()).isFalse();
        assertThat(saved.profile()).isEqualTo("teaching");
        assertThat(saved.region()).isEqualTo("eu-west-1");
    }

    @Test
    void saysWhatIsWrongBeforeSaving() {
        SettingsViewModel form = new SettingsViewModel(Map.of(Setting.REGION, "us-east-1",
                Setting.INPUT_BUCKET, "in", Setting.OUTPUT_BUCKET, "out", Setting.TABLE, "students"));
        form.localProperty().set(true);
        form.endpointProperty().set("localhost");
        assertThat(form.validate()).contains("endpoint must be a URL");

        form.endpointProperty().set("http://127.0.0.1:4566");
        form.relayUrlProperty().set("not a url");
        assertThat(form.validate()).contains("relay URL");
        assertThatThrownBy(form::values).isInstanceOf(IllegalArgumentException.class);

        form.relayUrlProperty().set("");
        form.inputBucketProperty().set(" ");
        assertThat(form.validate()).contains("cannot be empty");
    }
}
