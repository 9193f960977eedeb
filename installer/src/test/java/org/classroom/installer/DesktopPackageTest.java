package org.classroom.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The desktop's .deb as package-desktop.sh makes it: the menu entry is a file of the package, not a
 * registration by maintainer scripts, and it starts the launcher jpackage installs.
 */
class DesktopPackageTest {

    private final String script = Templates.text("desktop/package-desktop.sh");

    @Test
    void noMaintainerScriptRegistersTheMenuEntry() {
        // --linux-shortcut makes jpackage call xdg-desktop-menu from postinst and prerm, which fails where
        // no menu directory exists (exit 3: the package is left half-configured).
        assertThat(jpackageCommands()).doesNotContain("--linux-shortcut");
        assertThat(script).contains("usr/share/applications/$name.desktop", "usr/share/icons/hicolor/256x256/apps/$name.png");
    }

    @Test
    void menuEntryStartsTheInstalledLauncher() {
        Map<String, String> entry = desktopEntry(Templates.text("desktop/classroom-desktop.desktop"));
        String name = variable("name");
        assertThat(entry).containsEntry("Type", "Application")
                .containsEntry("Name", "Smart Classroom Assistant")
                .containsEntry("Exec", "/opt/" + name + "/bin/" + name)
                .containsEntry("Icon", name)
                .containsEntry("Terminal", "false");
        assertThat(entry.get("Categories")).endsWith(";").contains("Education");
    }

    @Test
    void packageDependsOnGtk() {
        assertThat(jpackageCommands()).contains("--linux-package-deps \"libgtk-3-0\"");
    }

    private String jpackageCommands() {
        StringBuilder commands = new StringBuilder();
        Matcher matcher = Pattern.compile("(?m)^\\s*jpackage (?:[^\\n]*\\\\\\n)*[^\\n]*$").matcher(script);
        while (matcher.find()) {
            commands.append(matcher.group()).append('\n');
        }
        assertThat(commands).as("jpackage commands in package-desktop.sh").isNotEmpty();
        return commands.toString();
    }

    private String variable(String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "=\"([^\"]+)\"").matcher(script);
        assertThat(matcher.find()).as(name + "= in package-desktop.sh").isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> desktopEntry(String text) {
        assertThat(text.lines().findFirst()).hasValue("[Desktop Entry]");
        Map<String, String> keys = new LinkedHashMap<>();
        text.lines().skip(1).filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            int equals = line.indexOf('=');
            assertThat(equals).as(line).isPositive();
            assertThat(keys.put(line.substring(0, equals), line.substring(equals + 1))).as("repeated key in " + line).isNull();
        });
        return keys;
    }
}
