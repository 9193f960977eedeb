package org.classroom.system.desktop;

import java.nio.file.Path;
import java.util.function.Function;
import javafx.stage.Stage;
import org.classroom.common.config.SampleData;
import org.classroom.desktop.testing.ScriptedDialogs;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.localsystem.LocalSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A TestFX test of the desktop's main window on a real local system ({@link RealDesktop}): one system and window
 * per test (opened by the subclass's {@code @Start} through {@link #open}), stopped after it; a test without the course data is skipped with the message saying where to get it.
 */
@ExtendWith(ApplicationExtension.class)
abstract class RealDesktopTest {

    static {
        HeadlessFx.use();
    }

    protected Path samples;
    protected Path work;
    protected LocalSystem system;
    protected MainViewModel model;

    private final String name;
    private final boolean underTheStacksPolicies;
    private final Function<Path, ScriptedDialogs> dialogs;
    private RealDesktop desktop;

    /** See {@link RealDesktop#open}. */
    protected RealDesktopTest(String name, boolean underTheStacksPolicies, Function<Path, ScriptedDialogs> dialogs) {
        this.name = name;
        this.underTheStacksPolicies = underTheStacksPolicies;
        this.dialogs = dialogs;
    }

    /** Sizes the stage before the window is shown on it; the first-run size unless a test needs more room. */
    protected void size(Stage stage) {
    }

    /**
     * Opens the window on the stage: call it from the test class's own {@code @Start} method (TestFX looks for
     * that method on the test class itself, not on its superclasses).
     */
    protected void open(Stage stage) throws Exception {
        size(stage);
        desktop = RealDesktop.open(stage, name, underTheStacksPolicies, dialogs).orElse(null);
        if (desktop != null) {
            samples = desktop.samples();
            work = desktop.work();
            system = desktop.system();
            model = desktop.model();
        }
    }

    @BeforeEach
    void needsTheCourseData() {
        Assumptions.assumeTrue(samples != null, SampleData.missingMessage());
    }

    @AfterEach
    void stop() {
        if (desktop != null) {
            desktop.close();
        }
    }
}
