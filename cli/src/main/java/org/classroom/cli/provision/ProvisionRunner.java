package org.classroom.cli.provision;

import java.io.PrintWriter;
import java.net.ConnectException;
import org.classroom.cli.support.UserError;
import org.classroom.common.aws.AwsClients;
import org.classroom.provision.ProvisionException;
import org.classroom.provision.ProvisionReport;
import org.classroom.provision.ProvisionRequest;
import org.classroom.provision.Provisioner;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Runs the provisioner, prints its report, and turns its failures into one line a user can act on. */
public final class ProvisionRunner {

    private ProvisionRunner() {
    }

    public static ProvisionReport run(AwsClients clients, ProvisionRequest request, PrintWriter out) {
        ProvisionReport report;
        try {
            report = new Provisioner(clients).provision(request);
        } catch (ProvisionException e) {
            e.partialReport().lines().forEach(line -> out.println("  " + line));
            out.flush();
            throw new UserError(explain(clients, e) + (e.partialReport().changedAnything()
                    ? " (the lines above were done; running provision again continues from there)" : ""));
        }
        report.lines().forEach(line -> out.println("  " + line));
        out.println(report.changedAnything() ? "provisioned." : "nothing to do: everything was already provisioned.");
        out.flush();
        return report;
    }

    private static String explain(AwsClients clients, ProvisionException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "cannot reach " + clients.config().endpoint() + ": is the local system running (./classroom serve)?"
                        + " Or drop --endpoint to use your AWS account.";
            }
        }
        if (e.getCause() instanceof SdkClientException client && String.valueOf(client.getMessage()).contains("credentials")) {
            return "no AWS credentials found: run `aws configure`, set AWS_PROFILE or pass --profile NAME;"
                    + " or use the local cloud with --endpoint http://127.0.0.1:4566";
        }
        return e.getMessage();
    }
}
