package org.classroom.desktop.gui;

import javafx.scene.control.TableCell;
import javafx.scene.image.ImageView;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.viewmodel.FaceCrops;

/** A results-table cell showing the row's face crop as a thumbnail; empty while loading or when there is none. */
final class FaceCell extends TableCell<ResultRow, String> {

    private final FaceCrops crops;
    private final ImageView thumbnail = new ImageView();

    FaceCell(FaceCrops crops) {
        this.crops = crops;
        thumbnail.getStyleClass().add("face-crop");
        thumbnail.setPreserveRatio(true);
        thumbnail.setFitHeight(FaceCrops.HEIGHT);
        getStyleClass().add("face-cell");
    }

    @Override
    protected void updateItem(String key, boolean empty) {
        super.updateItem(key, empty);
        thumbnail.setImage(null);
        setGraphic(null);
        if (empty || key == null) {
            return;
        }
        crops.show(key, image -> {
            // cells are reused while scrolling: show the image only if the cell still holds this key
            if (key.equals(getItem())) {
                thumbnail.setImage(image);
                setGraphic(thumbnail);
            }
        });
    }
}
