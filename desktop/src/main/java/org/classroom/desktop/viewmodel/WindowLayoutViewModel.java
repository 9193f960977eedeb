package org.classroom.desktop.viewmodel;

import java.util.Optional;
import java.util.OptionalDouble;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import org.classroom.desktop.logic.settings.LayoutStore;

/**
 * The window's size, place, maximised state and the Videos tab's divider as the window was last closed,
 * with the defaults of a first start.
 */
public final class WindowLayoutViewModel {

    public static final double DEFAULT_WIDTH = 1200;
    public static final double DEFAULT_HEIGHT = 760;
    static final double DEFAULT_DIVIDER = 0.33;

    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";
    private static final String DIVIDER = "divider.videos";

    private final LayoutStore store;

    public WindowLayoutViewModel(LayoutStore store) {
        this.store = store;
    }

    /** The scene's width. */
    public double width() {
        return store.get(WIDTH, DEFAULT_WIDTH);
    }

    /** The scene's height. */
    public double height() {
        return store.get(HEIGHT, DEFAULT_HEIGHT);
    }

    /** Where the window's top left corner was; empty before the first close. */
    public Optional<Point2D> position() {
        double x = store.get(X, Double.NaN);
        double y = store.get(Y, Double.NaN);
        return Double.isNaN(x) || Double.isNaN(y) ? Optional.empty() : Optional.of(new Point2D(x, y));
    }

    public boolean maximized() {
        return store.get(MAXIMIZED, 0) > 0;
    }

    /** The divider between the uploads and the results, as a fraction of the width. */
    public double divider() {
        return store.get(DIVIDER, DEFAULT_DIVIDER);
    }

    /**
     * Remembers the window as it closes. A maximised window keeps the bounds it had before, so that it
     * comes back to them when the user restores it.
     */
    public void save(boolean maximized, Rectangle2D bounds, OptionalDouble divider) {
        store.put(MAXIMIZED, maximized ? 1 : 0);
        if (!maximized) {
            store.put(X, bounds.getMinX());
            store.put(Y, bounds.getMinY());
            store.put(WIDTH, bounds.getWidth());
            store.put(HEIGHT, bounds.getHeight());
        }
        divider.ifPresent(fraction -> store.put(DIVIDER, fraction));
        store.flush();
    }
}
