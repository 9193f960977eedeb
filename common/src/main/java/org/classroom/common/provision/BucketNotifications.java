package org.classroom.common.provision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.classroom.common.provision.ProvisionReport.Change;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;

/**
 * The input bucket's notification to the input queue: videos ({@code .mp4}) and enrolment photos
 * (under {@code enrol/}). S3 allows one prefix and one suffix per configuration, hence two.
 */
final class BucketNotifications {

    static final String VIDEOS_ID = "classroom-videos";
    static final String ENROLMENT_ID = "classroom-enrolment";

    private final S3Client s3;
    private final ProvisionReport report;

    BucketNotifications(S3Client s3, ProvisionReport report) {
        this.s3 = s3;
        this.report = report;
    }

    void ensure(String bucket, String queueArn) {
        String resource = "bucket " + bucket + " notifications to " + queueArn.substring(queueArn.lastIndexOf(':') + 1);
        List<QueueConfiguration> wanted = List.of(
                configuration(VIDEOS_ID, queueArn, FilterRuleName.SUFFIX, ".mp4"),
                configuration(ENROLMENT_ID, queueArn, FilterRuleName.PREFIX, "enrol/"));
        GetBucketNotificationConfigurationResponse current = s3.getBucketNotificationConfiguration(request -> request.bucket(bucket));
        if (sameTargets(current.queueConfigurations(), wanted)) {
            report.add(resource, Change.UNCHANGED);
            return;
        }
        // Keep whatever else the bucket notifies (topics, functions); replace the queue configurations.
        NotificationConfiguration configuration = NotificationConfiguration.builder()
                .queueConfigurations(wanted)
                .topicConfigurations(current.topicConfigurations())
                .lambdaFunctionConfigurations(current.lambdaFunctionConfigurations())
                .eventBridgeConfiguration(current.eventBridgeConfiguration())
                .build();
        s3.putBucketNotificationConfiguration(request -> request.bucket(bucket).notificationConfiguration(configuration));
        report.add(resource, current.queueConfigurations().isEmpty() ? Change.CREATED : Change.UPDATED,
                "ObjectCreated:* for *.mp4 and enrol/*");
    }

    private static QueueConfiguration configuration(String id, String queueArn, FilterRuleName rule, String value) {
        return QueueConfiguration.builder().id(id).queueArn(queueArn).events(Event.S3_OBJECT_CREATED)
                .filter(filter -> filter.key(key -> key.filterRules(FilterRule.builder().name(rule).value(value).build())))
                .build();
    }

    private static boolean sameTargets(List<QueueConfiguration> current, List<QueueConfiguration> wanted) {
        return current.size() == wanted.size() && signatures(current).equals(signatures(wanted));
    }

    /** What a configuration does, ignoring its id and the case of rule names. */
    private static List<String> signatures(List<QueueConfiguration> configurations) {
        List<String> signatures = new ArrayList<>();
        for (QueueConfiguration configuration : configurations) {
            List<String> rules = configuration.filter() == null || configuration.filter().key() == null
                    ? List.of()
                    : configuration.filter().key().filterRules().stream()
                            .map(rule -> Objects.toString(rule.nameAsString()).toLowerCase() + "=" + rule.value())
                            .sorted().toList();
            signatures.add(configuration.queueArn() + " " + configuration.eventsAsStrings().stream().sorted().toList() + " " + rules);
        }
        signatures.sort(Comparator.naturalOrder());
        return signatures;
    }
}
