package org.classroom.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.classroom.cli.support.UserError;

/**
 * The files a command was given: files as they are (whatever their content: the pipeline judges them),
 * folders as the MP4 files under them. Each gets an upload key from its name, made unique.
 */
public final class ClipFiles {

    private ClipFiles() {
    }

    public static List<ClipUploader.Upload> collect(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                files.addAll(mp4sUnder(path));
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new UserError("no such file or folder: " + path);
            }
        }
        if (files.isEmpty()) {
            throw new UserError("no clips to process in " + paths);
        }
        Set<String> keys = new HashSet<>();
        List<ClipUploader.Upload> uploads = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String key = name;
            for (int copy = 2; !keys.add(key); copy++) {
                int dot = name.lastIndexOf('.');
                key = dot > 0 ? name.substring(0, dot) + "-" + copy + name.substring(dot) : name + "-" + copy;
            }
            uploads.add(new ClipUploader.Upload(key, file));
        }
        return uploads;
    }

    private static List<Path> mp4sUnder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp4"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
