package org.classroom.cli.face;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code classroom gallery import|export}: moves face galleries between files and the student table. */
@Command(name = "gallery", mixinStandardHelpOptions = true,
        description = "Import a gallery (the course's encoding pickle or a JSON gallery) or export one as JSON.",
        subcommands = {GalleryImportCommand.class, GalleryExportCommand.class})
public final class GalleryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
