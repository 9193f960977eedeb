package org.classroom.relay;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.Setting;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The relay as its own process (the jar on the OpenStack VM, run by systemd): runs until SIGTERM or
 * SIGINT, then stops gracefully.
 */
@Command(name = "classroom-relay", mixinStandardHelpOptions = true, version = "Smart Classroom Assistant relay 0.1.0",
        description = "Input queue -> function, output queue -> results folder and results API.")
public final class RelayMain implements Callable<Integer> {

    @Option(names = "--endpoint", paramLabel = "URL", description = "Endpoint override for every AWS service.")
    String endpoint;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region.")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS credentials profile.")
    String profile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any other setting, e.g. --set input.queue=q.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Mixin
    RelayFlags flags = new RelayFlags();

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "classroom-relay-logback.xml");
        }
        System.exit(new CommandLine(new RelayMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> all = new LinkedHashMap<>(settings);
        putIfSet(all, Setting.ENDPOINT, endpoint);
        putIfSet(all, Setting.REGION, region);
        putIfSet(all, Setting.PROFILE, profile);
        ClassroomConfig config = ConfigLoader.forCurrentUser().load(all);
        runUntilStopped(config, flags.toOptions());
        return 0;
    }

    /** Starts the relay and blocks until the JVM is asked to stop (SIGTERM, SIGINT). */
    public static void runUntilStopped(ClassroomConfig config, RelayOptions options) throws Exception {
        Relay relay = Relay.start(config, options);
        Runtime.getRuntime().addShutdownHook(new Thread(relay::close, "relay-shutdown"));
        relay.awaitStop();
    }

    private static void putIfSet(Map<String, String> flags, Setting setting, String value) {
        if (value != null) {
            flags.put(setting.key(), value);
        }
    }
}
