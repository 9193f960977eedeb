package org.classroom.localcloud.s3lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.classroom.common.aws.AwsClients;
import org.classroom.localcloud.LocalCloud;
import org.classroom.localcloud.LocalCloudOptions;
import org.classroom.localcloud.TestConfigs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** S3 lifecycle expiration in the local cloud, through the real SDK clients. */
class LifecycleTest {

    private static final MovableClock CLOCK = new MovableClock();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static LocalCloud cloud;
    private static AwsClients clients;
    private static S3Client s3;

    @BeforeAll
    static void startCloud() {
        cloud = LocalCloud.start(LocalCloudOptions.ephemeral(), CLOCK);
        clients = new AwsClients(cloud.config(TestConfigs.defaults()));
        s3 = clients.s3();
    }

    @AfterAll
    static void stopCloud() {
        s3.close();
        cloud.close();
    }

    @Test
    void rulesAreStoredReadBackAndDeleted() {
        String bucket = bucket(s3);
        assertThatThrownBy(() -> s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchLifecycleConfiguration");
                });

        s3.putBucketLifecycleConfiguration(r -> r.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                rule("crops", ExpirationStatus.ENABLED, LifecycleRuleFilter.builder().prefix("crops/").build(), 30),
                rule("everything", ExpirationStatus.DISABLED, LifecycleRuleFilter.builder().build(), 7))));
        List<LifecycleRule> stored = s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules();

        assertThat(stored).extracting(LifecycleRule::id, LifecycleRule::status, rule -> rule.filter().prefix(),
                        rule -> rule.expiration().days())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("crops", ExpirationStatus.ENABLED, "crops/", 30),
                        org.assertj.core.groups.Tuple.tuple("everything", ExpirationStatus.DISABLED, "", 7));

        s3.deleteBucketLifecycle(r -> r.bucket(bucket));
        assertThatThrownBy(() -> s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void aDeletedBucketTakesItsRulesWithIt() {
        String bucket = bucket(s3);
        s3.putBucketLifecycleConfiguration(r -> r.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                rule("all", ExpirationStatus.ENABLED, LifecycleRuleFilter.builder().prefix("").build(), 1))));

        s3.deleteBucket(r -> r.bucket(bucket));
        s3.createBucket(r -> r.bucket(bucket));

        assertThatThrownBy(() -> s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("NoSuchLifecycleConfiguration"));
    }

    @Test
    void whatTheLocalCloudCannotCarryOutIsRefusedNotDropped() {
        String bucket = bucket(s3);
        assertThatThrownBy(() -> s3.putBucketLifecycleConfiguration(r -> r.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                LifecycleRule.builder().id("cold").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                        .transitions(t -> t.days(30).storageClass(TransitionStorageClass.GLACIER)).build()))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented"));
        assertThatThrownBy(() -> s3.putBucketLifecycleConfiguration(r -> r.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                rule("zero", ExpirationStatus.ENABLED, LifecycleRuleFilter.builder().prefix("").build(), 0)))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
        assertThatThrownBy(() -> s3.getBucketLifecycleConfiguration(r -> r.bucket("no-such-bucket-here")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket"));
    }

    @Test
    void theSweepDeletesExactlyTheExpiredObjectsUnderAnEnabledRulesPrefixAndSendsNoEvent() {
        String bucket = bucket(s3);
        List<String> keys = List.of("crops/a.jpg", "crops/week 1/Zoë.jpg", "crops2.jpg", "frames/c.jpg", "notes.txt");
        keys.forEach(key -> s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(key)));
        try (SqsClient sqs = clients.sqs()) {
            String queueUrl = sqs.createQueue(r -> r.queueName(bucket + "-events")).queueUrl();
            String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            s3.putBucketNotificationConfiguration(r -> r.bucket(bucket).notificationConfiguration(n -> n.queueConfigurations(
                    q -> q.queueArn(queueArn).eventsWithStrings("s3:ObjectCreated:*", "s3:ObjectRemoved:*"))));
            sqs.purgeQueue(r -> r.queueUrl(queueUrl)); // the s3:TestEvent
            s3.putBucketLifecycleConfiguration(r -> r.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                    rule("crops", ExpirationStatus.ENABLED, LifecycleRuleFilter.builder().prefix("crops/").build(), 2),
                    rule("frames", ExpirationStatus.DISABLED, LifecycleRuleFilter.builder().prefix("frames/").build(), 1))));

            CLOCK.advance(Duration.ofDays(1));
            assertThat(cloud.expireObjectsNow()).isZero();
            assertThat(keys(bucket)).containsExactlyInAnyOrderElementsOf(keys);

            // Two days plus the rounding up to midnight UTC: past it after three days at most.
            CLOCK.advance(Duration.ofDays(2));
            assertThat(cloud.expireObjectsNow()).isEqualTo(2);
            assertThat(keys(bucket)).containsExactlyInAnyOrder("crops2.jpg", "frames/c.jpg", "notes.txt");
            assertThat(sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1)).messages()).isEmpty();
        }
    }

    @Test
    void rulesSurviveARestartAndTheSweepAtStartExpiresWhatIsDue(@TempDir Path data) throws Exception {
        MovableClock clock = new MovableClock();
        String bucket;
        try (LocalCloud first = LocalCloud.start(LocalCloudOptions.ephemeral().withDataDir(data), clock);
             S3Client client = new AwsClients(first.config(TestConfigs.defaults())).s3()) {
            bucket = bucket(client);
            client.putObject(r -> r.bucket(bucket).key("crops/old.jpg"), RequestBody.fromString("old"));
            client.putObject(r -> r.bucket(bucket).key("frames/kept.jpg"), RequestBody.fromString("kept"));
            client.putBucketLifecycleConfiguration(r -> r.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                    rule("crops", ExpirationStatus.ENABLED, LifecycleRuleFilter.builder().prefix("crops/").build(), 1))));
        }
        clock.advance(Duration.ofDays(3));
        try (LocalCloud second = LocalCloud.start(LocalCloudOptions.ephemeral().withDataDir(data), clock);
             S3Client client = new AwsClients(second.config(TestConfigs.defaults())).s3()) {
            assertThat(client.getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules())
                    .singleElement().satisfies(rule -> {
                        assertThat(rule.id()).isEqualTo("crops");
                        assertThat(rule.expiration().days()).isEqualTo(1);
                    });
            List<String> left = List.of();
            for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; Thread.sleep(100)) {
                left = client.listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).toList();
                if (left.size() == 1) {
                    break;
                }
            }
            assertThat(left).as("the sweep at start, without being asked").containsExactly("frames/kept.jpg");
        }
    }

    private static LifecycleRule rule(String id, ExpirationStatus status, LifecycleRuleFilter filter, int days) {
        return LifecycleRule.builder().id(id).status(status).filter(filter).expiration(e -> e.days(days)).build();
    }

    private static String bucket(S3Client client) {
        String bucket = "lifecycle-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100000;
        client.createBucket(r -> r.bucket(bucket));
        return bucket;
    }

    private static List<String> keys(String bucket) {
        return s3.listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }
}
