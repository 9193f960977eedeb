package org.classroom.desktop.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.classroom.common.format.EvidenceKeys;
import org.classroom.common.format.EvidenceKeys.FrameSize;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.FrameBox;
import org.classroom.desktop.model.ResultRow;

/**
 * The frame view of the selected results row: the picture of that person's best view, a mark for everyone whose
 * best view is in that frame or whom the function saw in it, and the names of any others on screen at that time
 * (whose place in this frame the result does not hold). The picture is read off the UI thread; the marks come
 * from the rows, so they follow the table. UI thread.
 */
public final class FrameViewModel {

    private final FramePictures pictures;
    private final Executor ui;
    private final ObjectProperty<Image> picture = new SimpleObjectProperty<>();
    private final DoubleProperty frameWidth = new SimpleDoubleProperty();
    private final ObservableList<FrameMark> marks = FXCollections.observableArrayList();
    private final StringProperty caption = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty(NOTHING_SELECTED);
    private String shownKey;

    static final String NOTHING_SELECTED = "Select a row to see the frame of that person's best view.";
    static final String NO_FRAME = "No frame was kept for this row (an older result, or nobody was seen).";
    static final String GONE = "The frame is no longer in the evidence bucket (expired, or not readable).";

    FrameViewModel(FramePictures pictures, Executor ui) {
        this.pictures = pictures;
        this.ui = ui;
    }

    /** Shows the frame of {@code selected} (null: nothing), with the other rows of its video. */
    void show(ResultRow selected, List<ResultRow> videoRows) {
        String key = selected == null ? null : selected.frame();
        marks.setAll(key == null ? List.of() : marksOf(selected, videoRows));
        caption.set(key == null ? "" : captionOf(selected, videoRows));
        if (Objects.equals(key, shownKey) && picture.get() != null) {
            return;
        }
        shownKey = key;
        picture.set(null);
        frameWidth.set(0);
        if (key == null) {
            message.set(selected == null ? NOTHING_SELECTED : NO_FRAME);
            return;
        }
        message.set("Reading the frame…");
        pictures.picture(key).thenAcceptAsync(image -> {
            if (!key.equals(shownKey)) {
                return;   // another row was selected meanwhile
            }
            image.ifPresentOrElse(loaded -> {
                // an older frame key without the size: boxes are then taken to be in the picture's pixels
                frameWidth.set(EvidenceKeys.frameSize(key).map(FrameSize::width).map(Integer::doubleValue)
                        .orElse(loaded.getWidth()));
                picture.set(loaded);
                message.set("");
            }, () -> message.set(GONE));
        }, ui).exceptionally(error -> {
            ui.execute(() -> {
                if (key.equals(shownKey)) {
                    message.set("Cannot read the frame: " + error.getMessage());
                }
            });
            return null;
        });
    }

    /** Everyone in this frame: whose best view it is, or who was seen in it; the selected row's first. */
    static List<FrameMark> marksOf(ResultRow selected, List<ResultRow> videoRows) {
        List<FrameMark> found = new ArrayList<>();
        for (ResultRow row : videoRows) {
            boxIn(row, selected.frame()).ifPresent(box -> {
                boolean isSelected = row.equals(selected);
                FrameMark mark = new FrameMark(row.displayName(), row.unknown(), isSelected, box);
                if (isSelected) {
                    found.add(0, mark);
                } else {
                    found.add(mark);
                }
            });
        }
        return found;
    }

    /** Where the row's person is in that frame, if the result says. */
    private static Optional<FaceBox> boxIn(ResultRow row, String frame) {
        if (row.box() != null && frame.equals(row.frame())) {
            return Optional.of(row.box());
        }
        return row.seenIn().stream().filter(seen -> frame.equals(seen.frame())).map(FrameBox::box).findFirst();
    }

    /** Those on screen at the frame's time whom the result does not place in it. */
    static List<String> alsoOnScreen(ResultRow selected, List<ResultRow> videoRows) {
        List<String> names = new ArrayList<>();
        double at = selected.frameSeconds() == null ? -1 : selected.frameSeconds();
        for (ResultRow row : videoRows) {
            if (boxIn(row, selected.frame()).isEmpty() && !Objects.equals(row.frame(), selected.frame())
                    && row.displayName() != null && onScreen(row, at)) {
                names.add(row.displayName());
            }
        }
        return names;
    }

    private static boolean onScreen(ResultRow row, double seconds) {
        for (Appearance appearance : row.appearances()) {
            if (appearance.from() <= seconds && seconds <= appearance.to()) {
                return true;
            }
        }
        return false;
    }

    private static String captionOf(ResultRow selected, List<ResultRow> videoRows) {
        StringBuilder text = new StringBuilder(selected.video());
        if (selected.frameSeconds() != null) {
            text.append(" at ").append(TimeText.of(selected.frameSeconds()));
        }
        List<String> others = alsoOnScreen(selected, videoRows);
        if (!others.isEmpty()) {
            text.append(" · also on screen: ").append(String.join(", ", others));
        }
        return text.toString();
    }

    public ReadOnlyObjectProperty<Image> pictureProperty() {
        return picture;
    }

    /** The width of the frame the marks' boxes are measured in (the picture itself is smaller); 0 without one. */
    public ReadOnlyDoubleProperty frameWidthProperty() {
        return frameWidth;
    }

    public ObservableList<FrameMark> marks() {
        return FXCollections.unmodifiableObservableList(marks);
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption;
    }

    /** Why there is no picture (nothing selected, none kept, reading, gone); empty while one is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
