package org.classroom.cli.face;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.classroom.cli.support.ConfigOptions;
import org.classroom.cli.support.UserError;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.gallery.GalleryFiles;
import org.classroom.face.gallery.JsonGallery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code classroom gallery import FILE}: into the student table, or with {@code --out} into a JSON file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Read a gallery (the course's encoding pickle or a JSON gallery) and store it: in the",
                "student table of the configured system (each person's encodings replaced), or with --out as a"
                        + " JSON gallery file."})
public final class GalleryImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The gallery to import.")
    Path file;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write a JSON gallery file instead of the table.")
    Path out;

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Gallery gallery;
        try {
            gallery = GalleryFiles.read(file);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
        int encodings = gallery.asMap().values().stream().mapToInt(List::size).sum();
        if (out != null) {
            try {
                JsonGallery.write(gallery, out);
            } catch (IOException e) {
                throw new UserError("cannot write " + out + ": " + e.getMessage());
            }
            spec.commandLine().getOut().printf("wrote %d encodings of %d people to %s%n", encodings, gallery.size(), out);
            return 0;
        }
        ClassroomConfig loaded = config.load();
        GalleryTables.write(loaded, gallery);
        spec.commandLine().getOut().printf("imported %d encodings of %d people into table %s%n", encodings,
                gallery.size(), loaded.table());
        return 0;
    }
}
