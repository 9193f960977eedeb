package org.classroom.cli.local;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Locale;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.localsystem.LocalSystem;

/**
 * What a running local system prints: where it is and the lines to paste into another shell so that the
 * AWS CLI, boto3 or this command line talk to it.
 */
public final class ServeBanner {

    private ServeBanner() {
    }

    public static void print(LocalSystem system, String state, double startSeconds, String stopHint, PrintWriter out) {
        ClassroomConfig config = system.config();
        URI endpoint = system.cloud().endpoint();
        out.printf(Locale.ROOT, "ready in %.1f s: local cloud at %s (%s)%n", startSeconds, endpoint, state);
        system.provisioning().lines().forEach(line -> out.println("  " + line));
        out.println("function " + config.function() + " behind the Lambda endpoint; relay API at " + system.relay().apiUrl()
                + " (token " + config.relayToken() + "), one file per video in " + system.resultsDir());
        out.println("From another shell:");
        out.println("  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=" + config.region());
        out.println("  export AWS_ENDPOINT_URL=" + endpoint + " CLASSROOM_ENDPOINT=" + endpoint);
        out.println("  alias aws='aws --endpoint-url " + endpoint + "'   # AWS CLI older than 2.13 ignores AWS_ENDPOINT_URL");
        out.println("  aws s3 cp VIDEO.mp4 s3://" + config.inputBucket() + "/");
        out.println("  aws s3 ls s3://" + config.outputBucket() + "/");
        out.println("  aws s3 ls --recursive s3://" + config.evidenceBucket() + "/   # face crops (crops/), best-view frames and filmstrips (frames/)");
        out.println("  boto3: boto3.client(\"s3\", endpoint_url=\"" + endpoint + "\")");
        out.println(stopHint);
        out.flush();
    }
}
