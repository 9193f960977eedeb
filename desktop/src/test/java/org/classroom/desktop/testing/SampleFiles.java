package org.classroom.desktop.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small files with real headers, for the content checks. */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** A minimal ISO media file: an {@code ftyp} box and some payload. */
    public static Path mp4(Path dir, String name, int payload) throws IOException {
        byte[] bytes = new byte[24 + payload];
        byte[] header = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'};
        System.arraycopy(header, 0, bytes, 0, header.length);
        for (int i = 0; i < payload; i++) {
            bytes[24 + i] = (byte) (name.hashCode() + i * 31);
        }
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name), bytes);
    }

    /** A JPEG header (SOI + APP0 JFIF) under whatever name. */
    public static Path jpeg(Path dir, String name) throws IOException {
        byte[] bytes = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1};
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name), bytes);
    }

    /** A decodable JPEG picture of this size (a grey square stands in for a face crop). */
    public static byte[] jpegPicture(int width, int height) throws IOException {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                picture.setRGB(x, y, 0x808080);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpg", bytes);
        return bytes.toByteArray();
    }
}
