package org.classroom.common.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.classroom.common.files.AtomicFiles;
import org.classroom.common.tls.CertificateFingerprint;

/**
 * Builds a {@link ClassroomConfig}. Precedence, highest first:
 * <ol>
 *   <li>command-line flags (the map given to {@link #load(Map)})</li>
 *   <li>environment variables ({@code CLASSROOM_INPUT_BUCKET}, ...)</li>
 *   <li>the config file, {@code $XDG_CONFIG_HOME/classroom/config.properties}
 *       (or {@code ~/.config/classroom/config.properties}); {@code CLASSROOM_CONFIG} names another</li>
 *   <li>built-in defaults ({@link Setting#defaultValue()})</li>
 * </ol>
 */
public final class ConfigLoader {

    private final Map<String, String> environment;
    private final Path configFile;

    public ConfigLoader(Map<String, String> environment, Path configFile) {
        this.environment = environment;
        this.configFile = configFile;
    }

    /** A loader reading this process's environment and the user's config file. */
    public static ConfigLoader forCurrentUser() {
        return new ConfigLoader(System.getenv(), defaultConfigFile(System.getenv()));
    }

    public static Path defaultConfigFile(Map<String, String> environment) {
        String explicit = environment.get("CLASSROOM_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("classroom").resolve("config.properties");
    }

    public Path configFile() {
        return configFile;
    }

    /** Loads the configuration; {@code flags} maps setting keys to values given on the command line. */
    public ClassroomConfig load(Map<String, String> flags) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Properties file = readFile();
        for (Setting setting : Setting.values()) {
            String value = firstPresent(
                    flags.get(setting.key()),
                    environment.get(setting.environmentVariable()),
                    file.getProperty(setting.key()),
                    setting.defaultValue());
            if (value != null) {
                values.put(setting, value.trim());
            }
        }
        for (String key : flags.keySet()) {
            Setting.fromKey(key);
        }
        return toConfig(values);
    }

    /** Writes the given settings to the config file, keeping the ones not mentioned. */
    public void save(Map<Setting, String> settings) {
        Properties file = readFile();
        settings.forEach((setting, value) -> {
            if (value == null || value.isBlank()) {
                file.remove(setting.key());
            } else {
                file.setProperty(setting.key(), value);
            }
        });
        try {
            java.io.StringWriter text = new java.io.StringWriter();
            file.store(text, "Smart Classroom Assistant settings");
            AtomicFiles.write(configFile, text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the config file " + configFile + ": " + e.getMessage(), e);
        }
    }

    private Properties readFile() {
        Properties properties = new Properties();
        if (Files.isRegularFile(configFile)) {
            try (Reader reader = Files.newBufferedReader(configFile)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read the config file " + configFile + ": "
                        + e.getMessage() + " (fix or delete it)", e);
            }
            for (String key : properties.stringPropertyNames()) {
                try {
                    Setting.fromKey(key);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("config file " + configFile + ": " + e.getMessage(), e);
                }
            }
        }
        return properties;
    }

    private static String firstPresent(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    private static ClassroomConfig toConfig(Map<Setting, String> values) {
        String resultsDir = values.get(Setting.RESULTS_DIR);
        return new ClassroomConfig(
                values.get(Setting.REGION),
                values.get(Setting.PROFILE),
                uri(Setting.ENDPOINT, values.get(Setting.ENDPOINT)),
                values.get(Setting.INPUT_BUCKET),
                values.get(Setting.OUTPUT_BUCKET),
                values.get(Setting.EVIDENCE_BUCKET),
                days(values.get(Setting.EVIDENCE_DAYS)),
                values.get(Setting.INPUT_QUEUE),
                values.get(Setting.OUTPUT_QUEUE),
                values.get(Setting.TABLE),
                values.get(Setting.RESULTS_TABLE),
                values.get(Setting.FUNCTION),
                uri(Setting.RELAY_URL, values.get(Setting.RELAY_URL)),
                values.get(Setting.RELAY_TOKEN),
                fingerprint(values.get(Setting.RELAY_FINGERPRINT)),
                resultsDir == null ? Path.of("results") : Path.of(resultsDir),
                values.get(Setting.LOCAL_KEY));
    }

    /** S3 expires objects after whole days, at least one. */
    private static int days(String value) {
        try {
            int days = Integer.parseInt(value.trim());
            if (days < 1) {
                throw new NumberFormatException();
            }
            return days;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + Setting.EVIDENCE_DAYS.key() + " must be a whole number of "
                    + "days, at least 1, not '" + value + "'", e);
        }
    }

    private static String fingerprint(String value) {
        try {
            return value == null ? null : CertificateFingerprint.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + Setting.RELAY_FINGERPRINT.key() + ": " + e.getMessage(), e);
        }
    }

    private static URI uri(Setting setting, String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (Exception e) {
            throw new IllegalArgumentException("setting " + setting.key() + " is not a URL: '" + value
                    + "' (expected e.g. http://127.0.0.1:4566)", e);
        }
    }
}
