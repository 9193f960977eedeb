package org.classroom.system.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/** Saves what a window shows (its scene, menus to status bar) as a PNG file. */
final class WindowPng {

    private WindowPng() {
    }

    /** Takes the picture on the FX thread (call from any other thread) and writes it; returns its size. */
    static String save(Stage stage, Path file) throws IOException, InterruptedException {
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                shot.complete(stage.getScene().snapshot(null));
            } catch (RuntimeException e) {
                shot.completeExceptionally(e);
            }
        });
        try {
            return write(shot.get(30, TimeUnit.SECONDS), file);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot take a picture of the window: " + e, e);
        }
    }

    /** Takes the picture now: call on the FX thread, when the state to show must not move on first. */
    static WritableImage takeNow(Stage stage) {
        return stage.getScene().snapshot(null);
    }

    static String write(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Written beside and moved into place, so a reader never sees half a picture.
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".part");
        ImageIO.write(buffered, "png", temp.toFile());
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return width + "x" + height;
    }
}
