package org.classroom.desktop.gui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.classroom.common.model.FaceBox;
import org.classroom.desktop.viewmodel.FrameMark;
import org.classroom.desktop.viewmodel.FrameViewModel;

/**
 * The selected row's best-view frame, scaled to fit, with a box and a name over each face whose best view it
 * is. The boxes are drawn here, over the picture, from the result (not burnt into the JPEG), so a corrected name
 * shows at once; they are measured in the full frame's pixels and scaled to the picture as shown.
 */
final class FrameView extends VBox {

    private final FrameViewModel model;
    private final ImageView picture = new ImageView();
    private final Pane marks = new Pane();
    private final Pane stage = new Pane(picture, marks) {
        @Override
        protected void layoutChildren() {
            placePicture(getWidth(), getHeight());
        }
    };
    private final Label message = new Label();

    FrameView(FrameViewModel model) {
        this.model = model;
        setId("frameView");
        getStyleClass().add("frame-view");
        setSpacing(4);
        setMinSize(0, 0);
        picture.setId("framePicture");
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        marks.setManaged(false);
        marks.setMouseTransparent(true);
        stage.setMinSize(0, 0);
        stage.getStyleClass().add("frame-stage");
        message.setId("frameMessage");
        message.getStyleClass().add("muted");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        Label caption = new Label();
        caption.setId("frameCaption");
        caption.getStyleClass().add("frame-caption");
        caption.textProperty().bind(model.captionProperty());
        caption.setWrapText(true);
        VBox.setVgrow(stage, Priority.ALWAYS);
        setAlignment(Pos.TOP_LEFT);
        setPadding(new Insets(4, 0, 0, 0));
        getChildren().addAll(caption, message, stage);

        picture.imageProperty().bind(model.pictureProperty());
        stage.visibleProperty().bind(model.pictureProperty().isNotNull());   // no dark empty box before a picture
        model.pictureProperty().addListener((o, old, now) -> stage.requestLayout());
        model.marks().addListener((ListChangeListener<FrameMark>) change -> stage.requestLayout());
    }

    /** Fits the picture in the space, centred, and lays the marks over it at the same scale. */
    private void placePicture(double width, double height) {
        Image image = picture.getImage();
        marks.getChildren().clear();
        if (image == null || width <= 0 || height <= 0) {
            return;
        }
        double fit = Math.min(width / image.getWidth(), height / image.getHeight());
        double shownWidth = image.getWidth() * fit;
        double shownHeight = image.getHeight() * fit;
        double left = (width - shownWidth) / 2;
        double top = (height - shownHeight) / 2;
        picture.setFitWidth(shownWidth);
        picture.setFitHeight(shownHeight);
        picture.relocate(left, top);
        marks.resizeRelocate(left, top, shownWidth, shownHeight);
        double frameWidth = model.frameWidthProperty().get();
        double scale = frameWidth <= 0 ? fit : shownWidth / frameWidth;
        for (FrameMark mark : model.marks()) {
            addMark(mark, scale, shownWidth);
        }
    }

    private void addMark(FrameMark mark, double scale, double shownWidth) {
        FaceBox box = mark.box();
        Rectangle outline = new Rectangle(box.x() * scale, box.y() * scale, box.width() * scale, box.height() * scale);
        outline.getStyleClass().addAll("face-box", mark.unknown() ? "face-box-unknown" : "face-box-known");
        if (mark.selected()) {
            outline.getStyleClass().add("face-box-selected");
        }
        Label name = new Label(mark.label());
        name.getStyleClass().addAll("face-label", mark.unknown() ? "face-label-unknown" : "face-label-known");
        marks.getChildren().addAll(outline, name);
        name.applyCss();   // its size is known once it has its style
        name.autosize();
        double x = Math.max(0, Math.min(outline.getX(), shownWidth - name.getWidth()));
        double y = outline.getY() - name.getHeight();
        // a face at the top of the frame gets its name inside the box instead of above the picture
        name.relocate(x, y < 0 ? outline.getY() : y);
    }
}
