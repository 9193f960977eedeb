package org.classroom.cli.face;

import java.io.IOException;
import java.nio.file.Path;
import org.classroom.cli.support.UserError;
import org.classroom.common.config.SampleData;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.gallery.GalleryFiles;
import picocli.CommandLine.Option;

/**
 * Where an offline command takes its gallery from: {@code --gallery FILE} (the course's pickle or our
 * JSON), else the {@code encoding} file of {@code --samples DIR} (default: the course data setting).
 */
public final class GallerySource {

    @Option(names = "--samples", paramLabel = "DIR",
            description = "A folder in the course hand-out's layout (videos/, encoding, ...); default: the "
                    + SampleData.PROPERTY + " setting, else " + SampleData.ENVIRONMENT_VARIABLE + ", else "
                    + SampleData.DEFAULT_LOCATION + ".")
    Path samples;

    @Option(names = "--gallery", paramLabel = "FILE",
            description = "A gallery file: the course's encoding pickle or a JSON gallery ({\"names\", \"encodings\"}).")
    Path gallery;

    /** The sample folder the user named or the configured one. */
    public Path samplesDir() {
        return samples != null ? samples.toAbsolutePath().normalize() : SampleData.location();
    }

    public Gallery load() {
        Path file = gallery;
        if (file == null) {
            file = GalleryFiles.inSamples(samplesDir()).orElseThrow(() -> new UserError(
                    "no gallery: give --gallery FILE, or --samples DIR with an 'encoding' file (looked in "
                            + samplesDir() + ")"));
        }
        try {
            return GalleryFiles.read(file);
        } catch (IOException e) {
            throw new UserError("cannot read the gallery: " + e.getMessage());
        }
    }
}
