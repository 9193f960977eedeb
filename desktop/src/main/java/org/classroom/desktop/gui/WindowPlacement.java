package org.classroom.desktop.gui;

import java.util.OptionalDouble;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.classroom.desktop.viewmodel.WindowLayoutViewModel;

/** Puts the window back where it was last closed, and remembers its place and divider when it closes. */
final class WindowPlacement {

    private final Stage stage;
    private final SplitPane split;
    private final WindowLayoutViewModel layout;

    private WindowPlacement(Stage stage, SplitPane split, WindowLayoutViewModel layout) {
        this.stage = stage;
        this.split = split;
        this.layout = layout;
    }

    /** Call once the stage has its scene. */
    static void keep(Stage stage, SplitPane split, WindowLayoutViewModel layout) {
        WindowPlacement placement = new WindowPlacement(stage, split, layout);
        placement.restore();
        stage.setOnHiding(event -> placement.save());
    }

    /** The last place, unless no screen shows it any more (a monitor was unplugged). */
    private void restore() {
        layout.position().filter(this::onAScreen).ifPresent(corner -> {
            stage.setX(corner.getX());
            stage.setY(corner.getY());
        });
        stage.setMaximized(layout.maximized());
    }

    private boolean onAScreen(Point2D corner) {
        Rectangle2D area = new Rectangle2D(corner.getX(), corner.getY(), Math.max(layout.width(), 1),
                Math.max(layout.height(), 1));
        return !Screen.getScreensForRectangle(area).isEmpty();
    }

    private void save() {
        double[] dividers = split.getDividerPositions();
        layout.save(stage.isMaximized(),
                new Rectangle2D(stage.getX(), stage.getY(), stage.getScene().getWidth(), stage.getScene().getHeight()),
                dividers.length > 0 ? OptionalDouble.of(dividers[0]) : OptionalDouble.empty());
    }
}
