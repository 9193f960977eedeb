package org.classroom.cli.local;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.classroom.cli.support.ConfigOptions;
import org.classroom.localsystem.LocalSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code classroom serve}: the whole system on this machine, headless, until Ctrl-C or SIGTERM. */
@Command(name = "serve", aliases = "local", mixinStandardHelpOptions = true,
        description = {"Starts the local cloud (S3, SQS, DynamoDB and Lambda on one endpoint), provisions it, starts the "
                + "function behind its Lambda endpoint and the relay, and keeps them running until Ctrl-C or SIGTERM.",
                "Any S3 client can then upload videos: the AWS CLI, boto3, the desktop (`classroom desktop`) or "
                + "`classroom process --cloud`. State is kept under the data folder, so a restart keeps buckets, "
                + "tables, queues and results."})
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions configOptions;

    @Mixin
    LocalSystemFlags flags;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        LocalSystem system = LocalSystemStarter.start(configOptions.load(), flags.options());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            system.close();
            stopped.countDown();
        }, "serve-shutdown"));
        ServeBanner.print(system, flags.stateDescription(), (System.nanoTime() - started) / 1e9, "Ctrl-C stops it.", out);
        stopped.await();
        return 0;
    }
}
