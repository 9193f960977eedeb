package org.classroom.localcloud.s3events;

import java.util.List;

/**
 * One queue configuration of a bucket's notification configuration: which events, for which keys,
 * go to which queue.
 *
 * @param id       the configuration's id (generated when the request gave none)
 * @param queueArn the target queue, {@code arn:aws:sqs:<region>:<account>:<name>}
 * @param events   event types such as {@code s3:ObjectCreated:*} or {@code s3:ObjectCreated:Put}
 * @param prefix   the key prefix filter, or null
 * @param suffix   the key suffix filter, or null
 */
public record QueueNotification(String id, String queueArn, List<String> events, String prefix, String suffix) {

    public QueueNotification {
        events = List.copyOf(events);
    }

    /** The queue's name: the last part of its ARN. */
    public String queueName() {
        return queueArn.substring(queueArn.lastIndexOf(':') + 1);
    }

    /** Whether an event (e.g. {@code ObjectCreated:Put}) for this key is one this configuration wants. */
    public boolean matches(String eventName, String key) {
        return wantsEvent("s3:" + eventName)
                && (prefix == null || key.startsWith(prefix))
                && (suffix == null || key.endsWith(suffix));
    }

    private boolean wantsEvent(String event) {
        for (String wanted : events) {
            if (wanted.equals(event)) {
                return true;
            }
            if (wanted.endsWith(":*") && event.startsWith(wanted.substring(0, wanted.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
