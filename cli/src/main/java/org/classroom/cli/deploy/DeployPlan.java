package org.classroom.cli.deploy;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.localcloud.iam.AccessPolicies;
import org.classroom.localcloud.iam.Statement;
import org.classroom.localcloud.iam.StackTemplate;
import org.classroom.localcloud.iam.TemplatePolicies;

/** Prints, before anything is sent to AWS, the names the stack will use and the IAM each part will get. */
final class DeployPlan {

    private DeployPlan() {
    }

    static void print(Path template, String stackName, ClassroomConfig config, PrintWriter out) {
        Map<String, String> parameters = StackTemplate.parameters(config);
        out.println("deploy: stack " + stackName + " in " + config.region() + " from " + template);
        parameters.forEach((name, value) -> out.println("  " + name + " = " + value));
        AccessPolicies policies = TemplatePolicies.load(template, parameters, config.region(), "<account>");
        out.println("IAM each part gets (everything else is denied):");
        for (String part : TemplatePolicies.PARTS.keySet().stream().sorted().toList()) {
            out.println("  " + part + " (" + TemplatePolicies.PARTS.get(part) + "):");
            for (Statement statement : policies.statements(part)) {
                out.println("    " + (statement.allow() ? "allow " : "deny ") + String.join(", ", statement.actions())
                        + " on " + String.join(", ", statement.resources()));
            }
        }
        out.flush();
    }
}
