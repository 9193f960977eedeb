package org.classroom.localcloud.iam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classroom.common.config.ClassroomConfig;

/**
 * The project's CloudFormation template: where it is in a checkout, and the parameters that give its
 * resources this configuration's names. {@code deploy} hands both to AWS; the local cloud reads its IAM.
 */
public final class StackTemplate {

    /** The template's path from the project's root. */
    public static final String PATH = "installer/src/main/aws/classroom-stack.yaml";

    private StackTemplate() {
    }

    /** Under {@code classroom.home} (set by the launcher), the working folder, or its parent (a module's tests). */
    public static Optional<Path> find() {
        String home = System.getProperty("classroom.home");
        List<Path> roots = home != null ? List.of(Path.of(home)) : List.of(Path.of("."), Path.of(".."));
        return roots.stream().map(root -> root.resolve(PATH)).filter(Files::isRegularFile).findFirst()
                .map(path -> path.toAbsolutePath().normalize());
    }

    /** The template parameters naming this configuration's buckets, queues, tables and function. */
    public static Map<String, String> parameters(ClassroomConfig config) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("InputBucketName", config.inputBucket());
        parameters.put("OutputBucketName", config.outputBucket());
        parameters.put("EvidenceBucketName", config.evidenceBucket());
        parameters.put("EvidenceRetentionDays", Integer.toString(config.evidenceDays()));
        parameters.put("InputQueueName", config.inputQueue());
        parameters.put("OutputQueueName", config.outputQueue());
        parameters.put("TableName", config.table());
        parameters.put("ResultsTableName", config.resultsTable());
        parameters.put("FunctionName", config.function());
        return parameters;
    }
}
