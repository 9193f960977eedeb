package org.classroom.localcloud.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template's own policies, read and evaluated as IAM would for each part. */
class TemplatePoliciesTest {

    private static final String ACCOUNT = TemplatePolicies.ACCOUNT;
    private final AccessPolicies policies = TemplatePolicies.load(StackTemplate.find().orElseThrow(),
            Map.of("InputBucketName", "in", "OutputBucketName", "out"), "eu-west-1");

    @Test
    void theFunctionReadsUploadsWritesResultsAndNothingElse() {
        assertThat(policies.allows("function", "s3:GetObject", "arn:aws:s3:::in/week 1/a.mp4")).isTrue();
        assertThat(policies.allows("function", "s3:ListBucket", "arn:aws:s3:::in")).isTrue();
        assertThat(policies.allows("function", "s3:PutObject", "arn:aws:s3:::out/a")).isTrue();
        assertThat(policies.allows("function", "dynamodb:UpdateItem",
                "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/classroom-results")).isTrue();
        assertThat(policies.allows("function", "sqs:SendMessage", "arn:aws:sqs:eu-west-1:" + ACCOUNT + ":classroom-output")).isTrue();

        assertThat(policies.allows("function", "lambda:InvokeFunction",
                "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:classroom-recognise")).as("its own segments").isTrue();

        assertThat(policies.allows("function", "lambda:InvokeFunction",
                "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:another")).isFalse();
        assertThat(policies.allows("function", "s3:GetObject", "arn:aws:s3:::out/a")).isFalse();
        assertThat(policies.allows("function", "s3:PutObject", "arn:aws:s3:::in/a.mp4")).isFalse();
        assertThat(policies.allows("function", "s3:DeleteObject", "arn:aws:s3:::in/a.mp4")).isFalse();
        assertThat(policies.allows("function", "sqs:SendMessage", "arn:aws:sqs:eu-west-1:" + ACCOUNT + ":classroom-input")).isFalse();
        assertThat(policies.allows("function", "dynamodb:DeleteItem",
                "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/classroom-students")).isFalse();
    }

    @Test
    void theFunctionWritesEvidenceUnderCropsAndFramesOnlyAndTheDesktopReadsItAll() {
        String evidence = "arn:aws:s3:::classroom-evidence/";
        assertThat(policies.allows("function", "s3:PutObject", evidence + "crops/a.mp4/e/ada.jpg")).isTrue();
        assertThat(policies.allows("function", "s3:PutObject", evidence + "frames/a.mp4/e/1500-1920x1080.jpg")).isTrue();
        assertThat(policies.allows("function", "s3:PutObject", evidence + "frames/a.mp4/e/strip.json")).isTrue();
        assertThat(policies.allows("function", "s3:PutObject", evidence + "other/a.jpg")).isFalse();
        assertThat(policies.allows("function", "s3:PutObject", evidence + "cropsx/a.jpg")).isFalse();
        assertThat(policies.allows("function", "s3:GetObject", evidence + "frames/a.mp4/e/strip.json")).isFalse();
        assertThat(policies.allows("desktop", "s3:GetObject", evidence + "frames/a.mp4/e/strip.jpgs")).isTrue();
        assertThat(policies.allows("desktop", "s3:GetObject", evidence + "crops/a.mp4/e/ada.jpg")).isTrue();
        assertThat(policies.allows("desktop", "s3:PutObject", evidence + "frames/a.mp4/e/strip.jpgs")).isFalse();
    }

    @Test
    void theRelayMovesMessagesAndInvokesOnly() {
        assertThat(policies.allows("relay", "sqs:ReceiveMessage", "arn:aws:sqs:eu-west-1:" + ACCOUNT + ":classroom-input")).isTrue();
        assertThat(policies.allows("relay", "sqs:DeleteMessage", "arn:aws:sqs:eu-west-1:" + ACCOUNT + ":classroom-input-dlq")).isTrue();
        assertThat(policies.allows("relay", "lambda:InvokeFunction",
                "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:classroom-recognise")).isTrue();
        assertThat(policies.allows("relay", "s3:GetObject", "arn:aws:s3:::in/a.mp4")).isFalse();
        assertThat(policies.allows("relay", "sqs:SendMessage", "arn:aws:sqs:eu-west-1:" + ACCOUNT + ":classroom-output")).isFalse();
    }

    @Test
    void theDesktopUploadsKeepsTheRosterAndReadsResults() {
        assertThat(policies.allows("desktop", "s3:PutObject", "arn:aws:s3:::in/enrol/ada/me.jpg")).isTrue();
        assertThat(policies.allows("desktop", "dynamodb:Scan", "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/classroom-results")).isTrue();
        assertThat(policies.allows("desktop", "dynamodb:PutItem", "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/classroom-students")).isTrue();
        assertThat(policies.allows("desktop", "s3:DeleteObject", "arn:aws:s3:::in/a.mp4")).isFalse();
        assertThat(policies.allows("desktop", "dynamodb:UpdateItem", "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/classroom-results")).isFalse();
    }

    @Test
    void keysNamePrincipalsAndTheUsersOwnKeyIsTheAdministrator() {
        assertThat(policies.principalOf("function")).contains("function");
        assertThat(policies.principalOf("local")).contains(AccessPolicies.ADMIN);
        assertThat(policies.principalOf("AKIAEXAMPLE")).isEmpty();
        assertThat(policies.principalOf(null)).isEmpty();
        assertThat(policies.allows(AccessPolicies.ADMIN, "s3:DeleteBucket", "arn:aws:s3:::in")).isTrue();
    }

    @Test
    void anExplicitDenyWinsAndWildcardsMatchAsIamDoes() {
        AccessPolicies custom = new AccessPolicies(Map.of("p", List.of(
                new Statement(true, List.of("s3:Get*"), List.of("arn:aws:s3:::b/*")),
                new Statement(false, List.of("s3:GetObject"), List.of("arn:aws:s3:::b/secret?")))));
        assertThat(custom.allows("p", "S3:getobject", "arn:aws:s3:::b/x")).isTrue();
        assertThat(custom.allows("p", "s3:GetObject", "arn:aws:s3:::b/secret1")).isFalse();
        assertThat(custom.allows("p", "s3:GetObject", "arn:aws:s3:::b/secret12")).isTrue();
        assertThat(custom.allows("p", "s3:GetObject", "arn:aws:s3:::B/x")).as("resources keep their case").isFalse();
        assertThat(custom.allows("p", "s3:PutObject", "arn:aws:s3:::b/x")).isFalse();
    }
}
