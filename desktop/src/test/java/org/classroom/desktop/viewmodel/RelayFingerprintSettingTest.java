package org.classroom.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay certificate's fingerprint in the settings form: pasted as keytool prints it, kept in one form. */
class RelayFingerprintSettingTest {

    private static final String FINGERPRINT = "A2:2B:B2:1B:B2:5A:06:06:F2:EF:3F:A4:69:73:C1:F2:"
            + "06:DB:B3:92:3B:A6:3C:05:F4:A6:E3:DE:1A:E3:E8:3A";

    @TempDir
    Path dir;

    @Test
    void aPastedFingerprintIsSavedAndReadBack() {
        SettingsStore store = new SettingsStore(new ConfigLoader(Map.of(), dir.resolve("config.properties")), Map.of());
        SettingsViewModel form = new SettingsViewModel(store.values());
        form.relayUrlProperty().set("https://203.0.113.10:8443");
        form.relayFingerprintProperty().set("SHA256: " + FINGERPRINT.toLowerCase());

        ClassroomConfig saved = store.save(form.values());

        assertThat(saved.relayFingerprint()).isEqualTo(FINGERPRINT);
        assertThat(new SettingsViewModel(store.values()).relayFingerprintProperty().get()).isEqualTo(FINGERPRINT);
    }

    @Test
    void somethingElseIsRefusedBeforeSaving() {
        SettingsViewModel form = new SettingsViewModel(Map.of());
        form.regionProperty().set("us-east-1");
        form.inputBucketProperty().set("in");
        form.outputBucketProperty().set("out");
        form.tableProperty().set("students");
        form.relayFingerprintProperty().set("3A:1F:55:D1");

        assertThat(form.validate()).contains("fingerprint", "SHA-256");
        form.relayFingerprintProperty().set("");
        assertThat(form.validate()).isNull();
    }
}
