package org.classroom.cli.provision;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.classroom.cli.support.ConfigOptions;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code classroom provision}: create the buckets, queues, notification and table, and load the students. */
@Command(name = "provision",
        description = {"Create what the system needs in the configured account or local cloud: buckets, queues with",
                "dead-letter queues, the input bucket's notification, the student table, its students and the gallery.",
                "Safe to run again: what is already right is left alone."})
public final class ProvisionCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "A folder in the course hand-out's layout (student_data.json, and encoding or encoding.json).")
    Path samples;

    @Option(names = "--students", paramLabel = "FILE", description = "A student_data.json-style file.")
    Path students;

    @Option(names = "--gallery", paramLabel = "FILE",
            description = "A gallery: the course's encoding pickle, or JSON {\"names\": [...], \"encodings\": [[128 numbers], ...]}.")
    Path gallery;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProvisionSource.Sourced source = ProvisionSource.resolve(samples, students, gallery);
        ClassroomConfig config = configOptions.load();
        PrintWriter out = spec.commandLine().getOut();
        out.println("provisioning " + (config.isLocal() ? "the local cloud at " + config.endpoint()
                : "AWS account (region " + config.region() + (config.profile() == null ? "" : ", profile " + config.profile()) + ")")
                + "; " + source.description());
        out.flush();
        try (AwsClients clients = new AwsClients(config)) {
            ProvisionRunner.run(clients, source.request(), out);
        }
        return 0;
    }
}
