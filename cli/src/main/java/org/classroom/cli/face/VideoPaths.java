package org.classroom.cli.face;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.classroom.cli.support.UserError;

/** The clips named on a command line: files as given (the engine judges them), folders as the videos in them. */
final class VideoPaths {

    private static final Set<String> VIDEO_SUFFIXES = Set.of(".mp4", ".mov", ".m4v", ".mkv", ".avi", ".webm");

    private VideoPaths() {
    }

    static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                files.addAll(videosIn(path));
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new UserError("no such file or folder: " + path);
            }
        }
        if (files.isEmpty()) {
            throw new UserError("no video files in " + paths);
        }
        return files;
    }

    private static List<Path> videosIn(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(VideoPaths::looksLikeVideo).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static boolean looksLikeVideo(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && VIDEO_SUFFIXES.contains(name.substring(dot));
    }
}
