package org.classroom.desktop.logic.settings;

import java.nio.file.Files;
import java.util.EnumMap;
import java.util.Map;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.Setting;

/**
 * The user's settings, kept in the shared config file ({@code ~/.config/classroom/config.properties}),
 * with command-line flags (from {@code classroom desktop --set ...}) on top for this run.
 */
public final class SettingsStore {

    private final ConfigLoader loader;
    private final Map<String, String> flags;

    public SettingsStore(ConfigLoader loader, Map<String, String> flags) {
        this.loader = loader;
        this.flags = Map.copyOf(flags);
    }

    public static SettingsStore forCurrentUser(Map<String, String> flags) {
        return new SettingsStore(ConfigLoader.forCurrentUser(), flags);
    }

    public ClassroomConfig load() {
        return loader.load(flags);
    }

    /** True before the user has saved any settings and none were given for this run. */
    public boolean firstRun() {
        return !Files.exists(loader.configFile()) && flags.isEmpty();
    }

    /** The values the settings dialog shows, as the config holds them. */
    public Map<Setting, String> values() {
        return values(load());
    }

    public static Map<Setting, String> values(ClassroomConfig config) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.REGION, config.region());
        values.put(Setting.PROFILE, config.profile());
        values.put(Setting.ENDPOINT, config.endpoint() == null ? null : config.endpoint().toString());
        values.put(Setting.INPUT_BUCKET, config.inputBucket());
        values.put(Setting.OUTPUT_BUCKET, config.outputBucket());
        values.put(Setting.TABLE, config.table());
        values.put(Setting.RELAY_URL, config.relayUrl() == null ? null : config.relayUrl().toString());
        values.put(Setting.RELAY_TOKEN, config.relayToken());
        values.put(Setting.RELAY_FINGERPRINT, config.relayFingerprint());
        return values;
    }

    /** Saves the given values (blank removes a setting) and returns the configuration now in force. */
    public ClassroomConfig save(Map<Setting, String> values) {
        loader.save(values);
        return load();
    }

    public String location() {
        return loader.configFile().toString();
    }
}
