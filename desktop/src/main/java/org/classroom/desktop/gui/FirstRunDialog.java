package org.classroom.desktop.gui;

import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** Shown once, before any settings exist: try the local demo, or connect to an account. */
final class FirstRunDialog extends Dialog<FirstRunDialog.Choice> {

    enum Choice { LOCAL_DEMO, ACCOUNT, LATER }

    FirstRunDialog(Window owner, boolean demoAvailable) {
        initOwner(owner);
        setTitle("Welcome");
        setHeaderText("Welcome to the Smart Classroom Assistant");
        Label text = new Label(demoAvailable
                ? "Try it on this machine first: the local demo runs the cloud's stand-ins, the face"
                + " function and the relay here, with the course's students, so you can drop clips at once.\n\n"
                + "Or connect to your AWS account (buckets, table, relay)."
                : "The local demo runs the whole system on this machine. Start it with\n\n"
                + "    ./classroom demo\n\n"
                + "and choose \"Use the local demo\" to connect to it, or connect to your AWS account.");
        text.setWrapText(true);
        text.setPrefWidth(460);
        getDialogPane().setContent(text);
        ButtonType demo = new ButtonType(demoAvailable ? "Start the _local demo" : "Use the _local demo",
                ButtonBar.ButtonData.OK_DONE);
        ButtonType account = new ButtonType("Connect to _AWS…", ButtonBar.ButtonData.OTHER);
        ButtonType later = new ButtonType("_Later", ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(demo, account, later);
        setResultConverter(button -> button == demo ? Choice.LOCAL_DEMO
                : button == account ? Choice.ACCOUNT : Choice.LATER);
    }

    static Choice ask(Window owner, boolean demoAvailable) {
        Optional<Choice> choice = new FirstRunDialog(owner, demoAvailable).showAndWait();
        return choice.orElse(Choice.LATER);
    }
}
