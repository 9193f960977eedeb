package org.classroom.desktop.gui;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.classroom.desktop.viewmodel.SettingsViewModel;

/** Where the app connects: the local cloud or a real account, the names, the relay. */
final class SettingsDialog extends Dialog<SettingsViewModel> {

    SettingsDialog(Window owner, SettingsViewModel model, String location) {
        initOwner(owner);
        setTitle("Settings");
        setHeaderText("Where the clips go and where the results come from");
        ToggleGroup mode = new ToggleGroup();
        RadioButton local = new RadioButton("_Local cloud (one machine, no AWS account)");
        RadioButton account = new RadioButton("_AWS account");
        local.setId("localMode");
        account.setId("accountMode");
        local.setToggleGroup(mode);
        account.setToggleGroup(mode);
        (model.localProperty().get() ? local : account).setSelected(true);
        local.selectedProperty().addListener((o, was, is) -> model.localProperty().set(is));

        TextField endpoint = field("endpointField", model.endpointProperty());
        endpoint.disableProperty().bind(local.selectedProperty().not());
        TextField profile = field("profileField", model.profileProperty());
        profile.setPromptText("default credentials chain");
        profile.disableProperty().bind(local.selectedProperty());
        TextField region = field("regionField", model.regionProperty());
        TextField input = field("inputBucketField", model.inputBucketProperty());
        TextField output = field("outputBucketField", model.outputBucketProperty());
        TextField table = field("tableField", model.tableProperty());
        TextField relay = field("relayUrlField", model.relayUrlProperty());
        relay.setPromptText("none: read results from the results table");
        PasswordField token = new PasswordField();
        token.setId("relayTokenField");
        token.textProperty().bindBidirectional(model.relayTokenProperty());
        TextField fingerprint = field("relayFingerprintField", model.relayFingerprintProperty());
        fingerprint.setPromptText("SHA-256 of a self-signed relay's certificate; none: trust the usual CAs");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        grid.add(local, 0, row++, 2, 1);
        grid.addRow(row++, label("_Endpoint", endpoint), endpoint);
        grid.add(account, 0, row++, 2, 1);
        grid.addRow(row++, label("_Profile", profile), profile);
        grid.addRow(row++, label("_Region", region), region);
        grid.addRow(row++, label("_Input bucket", input), input);
        grid.addRow(row++, label("_Output bucket", output), output);
        grid.addRow(row++, label("Student _table", table), table);
        grid.addRow(row++, label("Relay _URL", relay), relay);
        grid.addRow(row++, label("Relay to_ken", token), token);
        grid.addRow(row++, label("Relay certificate _fingerprint", fingerprint), fingerprint);
        Label error = new Label();
        error.setId("settingsError");
        error.getStyleClass().add("error-text");
        grid.add(error, 0, row++, 2, 1);
        Label where = new Label("Saved in " + location);
        where.getStyleClass().add("muted");
        grid.add(where, 0, row, 2, 1);
        getDialogPane().setContent(grid);

        ButtonType save = new ButtonType("Save and connect", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Node saveButton = getDialogPane().lookupButton(save);
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            String problem = model.validate();
            error.setText(problem == null ? "" : problem);
            if (problem != null) {
                event.consume();
            }
        });
        setResultConverter(button -> button == save ? model : null);
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(28);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static Label label(String text, Node target) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        return label;
    }

    /** The form as saved, or empty when cancelled. */
    static Optional<SettingsViewModel> ask(Window owner, SettingsViewModel model, String location) {
        return new SettingsDialog(owner, model, location).showAndWait();
    }
}
