package org.classroom.desktop.gui;

import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.classroom.desktop.model.Connection;

/**
 * The bottom line of the window: where the app is connected on the left; the last correction's progress and the
 * relay's state on the right.
 */
final class StatusBar extends HBox {

    StatusBar(ObservableStringValue target, ObservableStringValue corrections, ObservableValue<Connection> connection) {
        super(10);
        Label status = new Label();
        status.setId("targetLabel");
        status.getStyleClass().add("muted");
        status.textProperty().bind(target);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // What the last correction is doing: enrolling, matching videos again, or why it failed.
        Label correction = new Label();
        correction.setId("correctionStatus");
        correction.textProperty().bind(corrections);
        getChildren().addAll(status, spacer, correction, new ConnectionIndicator(connection));
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
    }
}
