package org.classroom.cli;

import picocli.CommandLine.Command;

/** The {@code classroom} command; each subcommand lives in its feature's package. */
@Command(name = "classroom",
        mixinStandardHelpOptions = true,
        version = "Smart Classroom Assistant 0.1.0",
        description = "Find out who is in a lecture clip: local cloud, face engine, relay and desktop.",
        subcommands = {
                picocli.CommandLine.HelpCommand.class,
                org.classroom.cli.face.RecogniseCommand.class,
                org.classroom.cli.face.GalleryCommand.class,
                org.classroom.cli.face.BenchCommand.class,
                org.classroom.cli.face.LectureCommand.class,
                org.classroom.cli.face.EnrolCommand.class,
                org.classroom.cli.local.ServeCommand.class,
                org.classroom.cli.provision.ProvisionCommand.class,
                org.classroom.cli.relay.RelayCommand.class,
                org.classroom.cli.desktop.DesktopCommand.class,
                org.classroom.cli.deploy.DeployCommand.class,
                org.classroom.cli.run.DemoCommand.class,
                org.classroom.cli.run.ProcessCommand.class,
                org.classroom.cli.run.WorkloadCommand.class,
        })
public final class ClassroomCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
