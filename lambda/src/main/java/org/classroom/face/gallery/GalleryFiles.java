package org.classroom.face.gallery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a gallery file of either kind, telling them apart by their first byte (a pickle starts with
 * its protocol marker 0x80, JSON with '{'), and finds the gallery in a folder in the course's layout.
 */
public final class GalleryFiles {

    private static final int PICKLE_PROTOCOL_MARKER = 0x80;

    private GalleryFiles() {
    }

    public static Gallery read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new GalleryFormatException("no gallery file at " + file);
        }
        int first;
        try (InputStream in = Files.newInputStream(file)) {
            first = in.read();
            while (first == ' ' || first == '\n' || first == '\r' || first == '\t') {
                first = in.read();
            }
        }
        if (first == PICKLE_PROTOCOL_MARKER) {
            return PickleGalleryReader.read(file);
        }
        if (first == '{') {
            return JsonGallery.read(file);
        }
        throw new GalleryFormatException(file + " is neither a gallery pickle nor a JSON gallery");
    }

    /** The gallery of a folder in the course's layout: its {@code encoding} pickle, else {@code encoding.json}. */
    public static Optional<Path> inSamples(Path samplesDir) {
        for (String name : new String[] {"encoding", "encoding.json"}) {
            Path candidate = samplesDir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
