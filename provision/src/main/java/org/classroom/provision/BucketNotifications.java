package org.classroom.provision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.classroom.provision.ProvisionReport.Change;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;

/**
 * The input bucket's notification to the input queue: every object created, with no filter. A suffix
 * filter would leave an upload named {@code .MP4} or {@code .mov} without any result, and S3 refuses two
 * configurations whose filters overlap ({@code *.mp4} and {@code enrol/*} do); the function gives every
 * key a final result, {@code invalid-video} for what is not a clip. The AWS template does the same.
 */
final class BucketNotifications {

    static final String UPLOADS_ID = "classroom-uploads";

    private final S3Client s3;
    private final ProvisionReport report;

    BucketNotifications(S3Client s3, ProvisionReport report) {
        this.s3 = s3;
        this.report = report;
    }

    void ensure(String bucket, String queueArn) {
        String resource = "bucket " + bucket + " notifications to " + queueArn.substring(queueArn.lastIndexOf(':') + 1);
        List<QueueConfiguration> wanted = List.of(QueueConfiguration.builder()
                .id(UPLOADS_ID).queueArn(queueArn).events(Event.S3_OBJECT_CREATED).build());
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
                "ObjectCreated:* for every key");
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
