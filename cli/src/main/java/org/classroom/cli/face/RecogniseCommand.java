package org.classroom.cli.face;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.classroom.cli.support.UserError;
import org.classroom.common.format.Json;
import org.classroom.common.model.VideoResult;
import org.classroom.face.engine.FaceEngine;
import org.classroom.face.gallery.Gallery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code classroom recognise}: the face engine alone, offline, on local clips. */
@Command(name = "recognise", aliases = "recognize", mixinStandardHelpOptions = true,
        description = {"Run the face engine on local clips (files or folders) against a gallery, offline.",
                "Prints per clip its status, the people named with their distance and when they were on screen"
                        + " (m:ss or h:mm:ss), the people found (unknown ones with when they were on screen) and"
                        + " the time per stage; with --json one result object per line (student records empty).",
                "A short clip is looked at in its first seconds; a long recording over its whole length."})
public final class RecogniseCommand implements Callable<Integer> {

    @Mixin
    GallerySource gallerySource;

    @Mixin
    EngineFlags engineFlags;

    @Option(names = "--json", description = "One JSON result per clip and line.")
    boolean json;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Clips, or folders of clips.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> clips = VideoPaths.expand(paths);
        Gallery gallery = gallerySource.load();
        PrintWriter out = spec.commandLine().getOut();
        try (FaceEngine engine = loadEngine()) {
            for (Path clip : clips) {
                VideoResult result = engine.recognise(clip, clip.getFileName().toString(), gallery);
                out.println(json ? Json.write(result) : ResultLines.format(result));
                out.flush();
            }
        }
        return 0;
    }

    private FaceEngine loadEngine() {
        try {
            return FaceEngine.load(engineFlags.toOptions());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
