package org.classroom.system.demo;

import static org.classroom.system.demo.LiveDesktop.onFx;
import static org.classroom.system.demo.LiveDesktop.onFxQuietly;
import static org.classroom.system.demo.LiveDesktop.waitFor;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.SampleData;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.localsystem.LocalSystem;
import org.classroom.localsystem.LocalSystemOptions;

/**
 * A picture of the "This is…" dialog over a real result: the local system (cloud, function, relay) with the
 * course's students and gallery, the real desktop window, the course's eight clips dropped on it, and the
 * dialog opened from the Edit menu on test_5's unknown boy. The window and the dialog are separate windows:
 * each is pictured from its scene, and the dialog is drawn over the window's bottom right, where it hides no
 * result.
 *
 * <p>Run it under Xvfb with the GTK glass: {@code cli/src/build/correction-screenshot.sh}. Argument:
 * {@code OUTPUT.png}. Exit status 0 when written, 1 when the results did not come in time, 2 when nothing started.
 */
public final class CorrectionScreenshot {

    private static final Duration LIMIT = Duration.ofSeconds(180);

    private Stage stage;
    private MainViewModel model;

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: CorrectionScreenshot OUTPUT.png");
            System.exit(2);
        }
        int status;
        try {
            Path samples = SampleData.find().orElseThrow(() -> new IllegalStateException(SampleData.missingMessage()));
            status = new CorrectionScreenshot().run(samples, Path.of(args[0]).toAbsolutePath());
        } catch (Exception e) {
            System.err.println("correction screenshot: " + e.getMessage());
            e.printStackTrace();
            status = 2;
        }
        Platform.exit();
        System.exit(status);
    }

    private int run(Path samples, Path output) throws Exception {
        Path work = Files.createTempDirectory("correction-screenshot");
        CourseAnswers answers = CourseAnswers.read(samples);
        try (LocalSystem system = LocalSystem.start(ConfigLoader.forCurrentUser().load(Map.of()),
                LocalSystemOptions.ephemeral(samples, work.resolve("results")));
             LiveDesktop desktop = LiveDesktop.open(system, work)) {
            stage = desktop.stage();
            model = desktop.model();
            onFx(() -> {
                model.uploads().add(answers.clips());
                return null;
            });
            if (!waitFor(LIMIT, () -> onFxQuietly(() -> answers.answered(model.results().rows()))
                    == answers.nameByVideo().size() && boy().isPresent())) {
                System.err.println("correction screenshot: the clips' results did not all come in time");
                return 1;
            }
            Thread.sleep(1500);   // the face crops' thumbnails
            return photographDialog(output);
        }
    }

    /** Test_5's unknown boy, once his row is in the table. */
    private Optional<ResultRow> boy() {
        return onFxQuietly(() -> model.results().rows().stream()
                .filter(row -> row.video().equals("test_5.mp4") && row.unknown()).findFirst());
    }

    @SuppressWarnings("unchecked")
    private int photographDialog(Path output) throws Exception {
        ResultRow boy = boy().orElseThrow();
        onFx(() -> {
            TableView<ResultRow> table = (TableView<ResultRow>) stage.getScene().lookup("#resultsTable");
            table.getSelectionModel().select(boy);
            table.scrollTo(boy);
            MenuBar bar = (MenuBar) stage.getScene().lookup("#menuBar");
            MenuItem thisIs = bar.getMenus().stream().map(Menu::getItems).flatMap(java.util.List::stream)
                    .filter(item -> "menuThisIs".equals(item.getId())).findFirst().orElseThrow();
            // The dialog waits for an answer in a loop of its own: open it from a later turn of the FX thread.
            Platform.runLater(thisIs::fire);
            return null;
        });
        if (!waitFor(Duration.ofSeconds(20), () -> dialog().isPresent())) {
            System.err.println("correction screenshot: the dialog did not open");
            return 1;
        }
        Thread.sleep(1500);   // its face crop, and the layout
        BufferedImage picture = onFx(() -> {
            Window dialog = dialogNow().orElseThrow();
            BufferedImage window = buffered(stage.getScene().snapshot(null));
            BufferedImage over = buffered(dialog.getScene().snapshot(null));
            // Drawn at the bottom right, over the table's empty lines, so the row it is about stays in sight.
            int x = Math.max(0, window.getWidth() - over.getWidth() - 30);
            int y = Math.max(0, window.getHeight() - over.getHeight() - 45);
            Graphics2D graphics = window.createGraphics();
            graphics.setColor(new Color(0, 0, 0, 60));
            graphics.fillRect(x + 4, y + 4, over.getWidth(), over.getHeight());
            graphics.drawImage(over, x, y, null);
            graphics.setColor(Color.GRAY);
            graphics.drawRect(x - 1, y - 1, over.getWidth() + 1, over.getHeight() + 1);
            graphics.dispose();
            BufferedImage rgb = new BufferedImage(window.getWidth(), window.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.createGraphics().drawImage(window, 0, 0, null);
            return rgb;
        });
        // Closed as the user would, so that its own wait for an answer ends.
        onFx(() -> {
            Window dialog = dialogNow().orElseThrow();
            dialog.getScene().getRoot().lookupAll(".button").stream()
                    .filter(node -> node instanceof javafx.scene.control.Button button && "Cancel".equals(button.getText()))
                    .findFirst().ifPresent(cancel -> Platform.runLater(((javafx.scene.control.Button) cancel)::fire));
            return null;
        });
        waitFor(Duration.ofSeconds(10), () -> dialog().isEmpty());
        Files.createDirectories(output.getParent());
        ImageIO.write(picture, "png", output.toFile());
        System.out.println("saved " + output + " (" + picture.getWidth() + "x" + picture.getHeight() + ")");
        return 0;
    }

    private static BufferedImage buffered(WritableImage image) {
        BufferedImage buffered = new BufferedImage((int) image.getWidth(), (int) image.getHeight(),
                BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < buffered.getHeight(); y++) {
            for (int x = 0; x < buffered.getWidth(); x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return buffered;
    }

    private Optional<Window> dialog() {
        return onFxQuietly(this::dialogNow);
    }

    /** The dialog, if it is showing: call on the FX thread. */
    private Optional<Window> dialogNow() {
        return Window.getWindows().stream()
                .filter(window -> window != stage && window.isShowing() && window instanceof Stage s
                        && "This is…".equals(s.getTitle()))
                .findFirst();
    }
}
