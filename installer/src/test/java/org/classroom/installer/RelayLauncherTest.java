package org.classroom.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classroom.relay.RelayMain;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The bundle's launcher script and the relay's command line agree on every flag. */
class RelayLauncherTest {

    @Test
    void everyFlagTheLauncherPassesIsAnOptionOfTheRelay() {
        String script = Templates.text("relay/bin/classroom-relay");
        assertThat(script).contains("org.classroom.relay.RelayMain");
        List<String> flags = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?<![\\w-])(--[a-z][a-z-]+)").matcher(script);
        while (matcher.find()) {
            flags.add(matcher.group(1));
        }
        assertThat(flags).contains("--port", "--concurrency", "--keystore", "--keystore-password");

        CommandLine relay = new CommandLine(new RelayMain());
        for (String flag : flags) {
            assertThat(relay.getCommandSpec().findOption(flag)).as(flag).isNotNull();
        }
        // And the values it builds parse: the same arguments as the script with typical settings.
        relay.parseArgs("--port", "8443", "--concurrency", "4", "--keystore", "/var/lib/classroom-relay/relay.p12",
                "--keystore-password", "secret");
    }
}
