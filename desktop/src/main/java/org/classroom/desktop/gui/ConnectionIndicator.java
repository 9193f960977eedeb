package org.classroom.desktop.gui;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;
import org.classroom.desktop.model.Connection;
import org.classroom.desktop.model.ConnectionState;
import javafx.beans.value.ObservableValue;

/** A dot and a word for the state of the results feed: connected, reconnecting, reading the bucket… */
final class ConnectionIndicator extends Label {

    private final Circle dot = new Circle(5);
    private final Tooltip tooltip = new Tooltip();

    ConnectionIndicator(ObservableValue<Connection> connection) {
        setId("connectionIndicator");
        getStyleClass().add("connection");
        setGraphic(dot);
        setTooltip(tooltip);
        show(connection.getValue());
        connection.addListener((observable, old, now) -> show(now));
    }

    private void show(Connection connection) {
        ConnectionState state = connection.state();
        setText(switch (state) {
            case CONNECTED -> "Relay connected";
            case RECONNECTING -> "Relay connection lost · reconnecting";
            case CONNECTING -> "Connecting to the relay";
            case POLLING -> "Reading the results table";
            case OFFLINE -> "Not connected";
        });
        dot.getStyleClass().setAll("connection-dot", "connection-" + state.name().toLowerCase(java.util.Locale.ROOT));
        getStyleClass().removeIf(style -> style.startsWith("connection-"));
        getStyleClass().add("connection-" + state.name().toLowerCase(java.util.Locale.ROOT));
        tooltip.setText(connection.detail());
        setAccessibleText(getText() + ". " + connection.detail());
    }
}
