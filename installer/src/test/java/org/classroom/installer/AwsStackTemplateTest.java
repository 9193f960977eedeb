package org.classroom.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AwsStackTemplateTest {

    private final JsonNode template = Templates.yaml("aws/classroom-stack.yaml");
    private final JsonNode resources = template.path("Resources");

    @Test
    void declaresEveryResourceTheSystemNeeds() {
        assertThat(Templates.resourcesOfType(resources, "AWS::S3::Bucket")).containsExactlyInAnyOrder("InputBucket", "OutputBucket",
                "EvidenceBucket");
        assertThat(Templates.resourcesOfType(resources, "AWS::SQS::Queue"))
                .containsExactlyInAnyOrder("InputQueue", "InputDeadLetterQueue", "OutputQueue", "OutputDeadLetterQueue");
        assertThat(Templates.resourcesOfType(resources, "AWS::SQS::QueuePolicy")).containsExactly("InputQueuePolicy");
        assertThat(Templates.resourcesOfType(resources, "AWS::DynamoDB::Table")).containsExactlyInAnyOrder("StudentTable", "ResultsTable");
        assertThat(Templates.resourcesOfType(resources, "AWS::Lambda::Function")).containsExactly("RecogniseFunction");
        assertThat(Templates.resourcesOfType(resources, "AWS::IAM::Role")).containsExactly("FunctionRole");
        assertThat(Templates.resourcesOfType(resources, "AWS::IAM::ManagedPolicy"))
                .containsExactlyInAnyOrder("RelayPolicy", "DesktopPolicy");
    }

    @Test
    void queuesRedriveToTheirDeadLetterQueues() {
        for (String queue : List.of("InputQueue", "OutputQueue")) {
            JsonNode redrive = resources.path(queue).path("Properties").path("RedrivePolicy");
            assertThat(redrive.path("deadLetterTargetArn").path("Fn::GetAtt").get(0).asText())
                    .as(queue).isEqualTo(queue.replace("Queue", "DeadLetterQueue"));
            assertThat(redrive.has("maxReceiveCount")).as(queue).isTrue();
        }
        // A message must stay hidden longer than the function may run.
        int visibility = resources.path("InputQueue").path("Properties").path("VisibilityTimeout").asInt();
        int timeout = template.path("Parameters").path("FunctionTimeoutSeconds").path("Default").asInt();
        assertThat(visibility).isGreaterThan(timeout);
    }

    @Test
    void uploadsNotifyTheInputQueueWhichLetsS3Send() {
        JsonNode input = resources.path("InputBucket");
        JsonNode configurations = input.path("Properties").path("NotificationConfiguration").path("QueueConfigurations");
        assertThat(configurations).hasSize(1);
        assertThat(configurations.get(0).path("Event").asText()).isEqualTo("s3:ObjectCreated:*");
        assertThat(configurations.get(0).path("Queue").path("Fn::GetAtt").get(0).asText()).isEqualTo("InputQueue");
        assertThat(Templates.strings(input.path("DependsOn"))).contains("InputQueuePolicy");

        JsonNode statement = resources.path("InputQueuePolicy").path("Properties").path("PolicyDocument").path("Statement").get(0);
        assertThat(statement.path("Principal").path("Service").asText()).isEqualTo("s3.amazonaws.com");
        assertThat(Templates.strings(statement.path("Action"))).containsExactly("sqs:SendMessage");
        assertThat(statement.path("Condition").path("ArnLike").has("aws:SourceArn")).isTrue();
    }

    @Test
    void bucketsArePrivateAndEncrypted() {
        for (String bucket : List.of("InputBucket", "OutputBucket", "EvidenceBucket")) {
            JsonNode properties = resources.path(bucket).path("Properties");
            JsonNode block = properties.path("PublicAccessBlockConfiguration");
            assertThat(List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"))
                    .as(bucket).allSatisfy(flag -> assertThat(block.path(flag).asBoolean()).as(bucket + " " + flag).isTrue());
            assertThat(properties.path("BucketEncryption").toString()).as(bucket).contains("AES256");
        }
        for (String table : List.of("StudentTable", "ResultsTable")) {
            assertThat(resources.path(table).path("Properties").path("SSESpecification").path("SSEEnabled").asBoolean())
                    .as(table).isTrue();
        }
    }

    @Test
    void faceCropsExpireAfterTheRetentionParameterAndOnlyTheFunctionWritesThem() {
        JsonNode retention = template.path("Parameters").path("EvidenceRetentionDays");
        assertThat(retention.path("Type").asText()).isEqualTo("Number");
        assertThat(retention.path("Default").asInt()).isEqualTo(30);
        assertThat(template.path("Parameters").path("EvidenceBucketName").path("Default").asText())
                .isEqualTo("classroom-evidence");
        JsonNode bucket = resources.path("EvidenceBucket").path("Properties");
        assertThat(bucket.path("BucketName").path("Ref").asText()).isEqualTo("EvidenceBucketName");
        JsonNode rules = bucket.path("LifecycleConfiguration").path("Rules");
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).path("Status").asText()).isEqualTo("Enabled");
        assertThat(rules.get(0).path("ExpirationInDays").path("Ref").asText()).isEqualTo("EvidenceRetentionDays");

        assertThat(statementWithSid(resources.path("FunctionRole"), "KeepFaceCrops").toString())
                .contains("s3:PutObject", "${EvidenceBucketName}/crops/*", "${EvidenceBucketName}/frames/*")
                .doesNotContain("GetObject", "${EvidenceBucketName}/*\"");
        assertThat(statementWithSid(resources.path("DesktopPolicy"), "ReadFaceCrops").toString())
                .contains("s3:GetObject", "${EvidenceBucketName}/*").doesNotContain("PutObject");
        assertThat(resources.path("RecogniseFunction").path("Properties").path("Environment").path("Variables")
                .path("CLASSROOM_EVIDENCE_BUCKET").path("Ref").asText()).isEqualTo("EvidenceBucketName");
    }

    @Test
    void studentsAreKeyedByNameAndResultsByVideo() {
        assertKeyedBy("StudentTable", "name");
        assertKeyedBy("ResultsTable", "video");
    }

    private void assertKeyedBy(String table, String attribute) {
        JsonNode keySchema = resources.path(table).path("Properties").path("KeySchema");
        assertThat(keySchema).as(table).hasSize(1);
        assertThat(keySchema.get(0).path("AttributeName").asText()).as(table).isEqualTo(attribute);
        assertThat(keySchema.get(0).path("KeyType").asText()).as(table).isEqualTo("HASH");
    }

    @Test
    void everyIamActionIsNamedAndNoneIsAWildcard() {
        List<JsonNode> statements = allowStatements(template);
        assertThat(statements).isNotEmpty();
        for (JsonNode statement : statements) {
            List<String> actions = Templates.strings(statement.path("Action"));
            assertThat(actions).as(statement.toString()).isNotEmpty()
                    .allSatisfy(action -> assertThat(action).doesNotContain("*").matches("[a-z0-9-]+:[A-Za-z]+"));
            assertThat(statement.has("NotAction")).isFalse();
            // Data is never granted on every resource.
            assertThat(statement.path("Resource").toString()).as(statement.toString()).isNotEqualTo("\"*\"");
        }
    }

    @Test
    void functionMayDoExactlyItsJob() {
        Set<String> actions = actionsOf(resources.path("FunctionRole").path("Properties").path("Policies"));
        assertThat(actions).containsExactlyInAnyOrder(
                "s3:GetObject", "s3:ListBucket", "s3:PutObject", "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:UpdateItem",
                "sqs:SendMessage", "sqs:GetQueueUrl", "logs:CreateLogStream", "logs:PutLogEvents", "lambda:InvokeFunction");
        JsonNode role = resources.path("FunctionRole");
        assertThat(statementWithSid(role, "ReadUploads").toString()).contains("${InputBucketName}/*").doesNotContain("PutObject");
        // Without ListBucket on the input bucket, S3 says 403 for a missing key, which looks like a fault to retry.
        assertThat(statementWithSid(role, "SeeMissingUploads").toString()).contains("s3:ListBucket", "${InputBucketName}\"");
        // The output bucket is only ever written: the course's CSV objects.
        assertThat(statementWithSid(role, "WriteResults").toString()).contains("${OutputBucketName}/*").doesNotContain("GetObject");
        assertThat(statementWithSid(role, "ResultsAndClaims").toString()).contains("ResultsTable", "dynamodb:UpdateItem");
        // A long recording's segments: the function invokes itself and no other function.
        assertThat(statementWithSid(role, "FanOutToItself").toString()).contains("function:${FunctionName}")
                .doesNotContain("function:*");
    }

    @Test
    void relayReceivesDeletesAndInvokesOnly() {
        Set<String> actions = actionsOf(resources.path("RelayPolicy"));
        assertThat(actions).contains("sqs:ReceiveMessage", "sqs:DeleteMessage", "lambda:InvokeFunction")
                .noneMatch(action -> action.startsWith("s3:") || action.startsWith("dynamodb:"))
                .doesNotContain("sqs:SendMessage", "sqs:PurgeQueue", "sqs:DeleteQueue");
    }

    @Test
    void desktopUploadsToInputAndReadsTheResultsTable() {
        JsonNode policy = resources.path("DesktopPolicy");
        assertThat(statementWithSid(policy, "Upload").toString()).contains("s3:PutObject", "${InputBucketName}/*");
        assertThat(statementWithSid(policy, "ReadResults").toString()).contains("dynamodb:Scan", "ResultsTable")
                .doesNotContain("dynamodb:PutItem", "dynamodb:UpdateItem");
        assertThat(actionsOf(policy)).doesNotContain("s3:DeleteObject", "lambda:InvokeFunction", "sqs:SendMessage");
    }

    @Test
    void desktopMayCopyAClipOntoItselfToHaveItMatchedAgain() {
        JsonNode statement = statementWithSid(resources.path("DesktopPolicy"), "MatchAgain");
        assertThat(statement.toString()).contains("s3:GetObject", "${InputBucketName}/*")
                .doesNotContain("${OutputBucketName}");
    }

    @Test
    void functionRunsTheContainerImageWithItsSettings() {
        JsonNode properties = resources.path("RecogniseFunction").path("Properties");
        assertThat(properties.path("PackageType").asText()).isEqualTo("Image");
        assertThat(properties.path("EphemeralStorage").has("Size")).isTrue();
        assertThat(properties.path("Environment").path("Variables").fieldNames())
                .toIterable().contains("CLASSROOM_OUTPUT_BUCKET", "CLASSROOM_OUTPUT_QUEUE", "CLASSROOM_TABLE",
                        "CLASSROOM_RESULTS_TABLE", "CLASSROOM_CLAIM_LEASE_SECONDS", "CLASSROOM_MAX_FRAME_PIXELS",
                        "CLASSROOM_VIDEO_DEADLINE_SECONDS");
        // A video's deadline leaves the invocation time to download it and publish its result.
        int deadline = template.path("Parameters").path("VideoDeadlineSeconds").path("Default").asInt();
        int timeout = template.path("Parameters").path("FunctionTimeoutSeconds").path("Default").asInt();
        assertThat(deadline).isPositive().isLessThanOrEqualTo(timeout * 3 / 4);
        assertThat(properties.path("Environment").path("Variables").path("JAVA_TOOL_OPTIONS").asText())
                .contains("org.bytedeco.javacpp.cachedir=/opt/javacpp-cache");
    }

    private static List<JsonNode> allowStatements(JsonNode root) {
        List<JsonNode> statements = new ArrayList<>();
        Templates.forEachObject(root, node -> node.path("Statement").forEach(statements::add));
        return statements;
    }

    private static Set<String> actionsOf(JsonNode root) {
        Set<String> actions = new TreeSet<>();
        allowStatements(root).forEach(statement -> actions.addAll(Templates.strings(statement.path("Action"))));
        return actions;
    }

    private static JsonNode statementWithSid(JsonNode root, String sid) {
        return allowStatements(root).stream()
                .filter(statement -> sid.equals(statement.path("Sid").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid));
    }
}
