package org.classroom.cli.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.Setting;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to the system shares. They are the top of the configuration
 * precedence: flags, then CLASSROOM_* environment variables, then the config file, then defaults.
 */
public final class ConfigOptions {

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Endpoint override for every AWS service (the local cloud's), e.g. http://127.0.0.1:4566.")
    String endpoint;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default us-east-1).")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS credentials profile.")
    String profile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Any other setting, e.g. --set input.bucket=my-videos (keys: see README).")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The flags as setting keys, ready for {@link ConfigLoader#load(Map)}. */
    public Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>(settings);
        put(flags, Setting.ENDPOINT, endpoint);
        put(flags, Setting.REGION, region);
        put(flags, Setting.PROFILE, profile);
        return flags;
    }

    public ClassroomConfig load() {
        try {
            return ConfigLoader.forCurrentUser().load(flags());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static void put(Map<String, String> flags, Setting setting, String value) {
        if (value != null) {
            flags.put(setting.key(), value);
        }
    }
}
