package org.classroom.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import org.classroom.desktop.logic.settings.LayoutStore;
import org.junit.jupiter.api.Test;

/** The first start's layout, and what closing the window, maximised or not, leaves for the next start. */
class WindowLayoutViewModelTest {

    private final LayoutStore store = LayoutStore.inMemory();

    @Test
    void theFirstStartHasTheDefaultSizeAndNoPlace() {
        WindowLayoutViewModel layout = new WindowLayoutViewModel(store);

        assertThat(layout.width()).isEqualTo(WindowLayoutViewModel.DEFAULT_WIDTH);
        assertThat(layout.height()).isEqualTo(WindowLayoutViewModel.DEFAULT_HEIGHT);
        assertThat(layout.divider()).isEqualTo(WindowLayoutViewModel.DEFAULT_DIVIDER);
        assertThat(layout.position()).isEmpty();
        assertThat(layout.maximized()).isFalse();
    }

    @Test
    void aClosedWindowComesBackWithItsBoundsAndDivider() {
        new WindowLayoutViewModel(store).save(false, new Rectangle2D(40, 30, 1000, 640), OptionalDouble.of(0.5));

        WindowLayoutViewModel again = new WindowLayoutViewModel(store);
        assertThat(again.position()).contains(new Point2D(40, 30));
        assertThat(again.width()).isEqualTo(1000);
        assertThat(again.height()).isEqualTo(640);
        assertThat(again.divider()).isEqualTo(0.5);
        assertThat(again.maximized()).isFalse();
    }

    @Test
    void aMaximisedWindowKeepsTheBoundsItHadBefore() {
        new WindowLayoutViewModel(store).save(false, new Rectangle2D(40, 30, 1000, 640), OptionalDouble.empty());
        new WindowLayoutViewModel(store).save(true, new Rectangle2D(0, 0, 1920, 1080), OptionalDouble.empty());

        WindowLayoutViewModel again = new WindowLayoutViewModel(store);
        assertThat(again.maximized()).isTrue();
        assertThat(again.position()).contains(new Point2D(40, 30));
        assertThat(again.width()).isEqualTo(1000);
        assertThat(again.divider()).isEqualTo(WindowLayoutViewModel.DEFAULT_DIVIDER);
    }
}
