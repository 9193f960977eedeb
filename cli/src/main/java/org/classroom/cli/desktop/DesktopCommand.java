package org.classroom.cli.desktop;

import java.util.concurrent.Callable;
import org.classroom.cli.support.ConfigOptions;
import org.classroom.cli.support.Display;
import org.classroom.cli.support.UserError;
import org.classroom.desktop.DesktopApp;
import org.classroom.desktop.logic.settings.LocalDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code classroom desktop}: opens the instructor desktop with the user's settings. */
@Command(name = "desktop", mixinStandardHelpOptions = true,
        description = {"Open the instructor desktop: drop lecture clips, watch them upload, see who is in them.",
                "It uses your settings (File > Settings in the window, kept in ~/.config/classroom/config.properties);"
                        + " flags given here apply to this run only.",
                "For everything on this machine at once, use `classroom demo`."})
public final class DesktopCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
        config.load();
        if (!Display.available()) {
            throw new UserError("the desktop needs a display (DISPLAY is not set); headless, use `classroom process`");
        }
        DesktopApp.launch(config.flags(), LocalDemo.find().orElse(null));
        return 0;
    }
}
