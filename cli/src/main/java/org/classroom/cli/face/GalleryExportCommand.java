package org.classroom.cli.face;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.classroom.cli.support.ConfigOptions;
import org.classroom.cli.support.UserError;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.gallery.GalleryFiles;
import org.classroom.face.gallery.JsonGallery;
import org.classroom.face.gallery.PickleGalleryWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code classroom gallery export}: the table's gallery (or a file's, with --from) as a JSON gallery. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a gallery as JSON ({\"names\": [...], \"encodings\": [[...]]}) or as the course's pickle:"
                + " the student table's of the configured system, or with --from a gallery file's.",
                "Prints to standard output unless --out names a file."})
public final class GalleryExportCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "FILE", description = "Convert this gallery file instead of reading the table.")
    Path from;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Option(names = "--format", paramLabel = "json|pickle",
            description = "json (default), or pickle: the course's encoding file shape, readable by its Python code"
                    + " (needs --out).")
    Format format = Format.JSON;

    @Mixin
    ConfigOptions config;

    enum Format { JSON, PICKLE }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Gallery gallery;
        if (from != null) {
            try {
                gallery = GalleryFiles.read(from);
            } catch (IOException e) {
                throw new UserError(e.getMessage());
            }
        } else {
            gallery = GalleryTables.read(config.load());
        }
        if (out == null) {
            if (format == Format.PICKLE) {
                throw new UserError("a pickle is binary: give --out FILE with --format pickle");
            }
            spec.commandLine().getOut().println(JsonGallery.toJson(gallery));
            return 0;
        }
        try {
            if (format == Format.PICKLE) {
                PickleGalleryWriter.write(gallery, out);
            } else {
                JsonGallery.write(gallery, out);
            }
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage());
        }
        spec.commandLine().getOut().printf("wrote %d people to %s%n", gallery.size(), out);
        return 0;
    }
}
