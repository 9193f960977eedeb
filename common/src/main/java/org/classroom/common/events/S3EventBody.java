package org.classroom.common.events;

import java.util.List;

/**
 * What one message body (an S3 event notification, possibly inside an SNS envelope) asks for.
 *
 * @param objects the created objects it announces, in order; empty when it asks for nothing
 * @param ignored why it asks for nothing, for the log; null when it has objects
 */
public record S3EventBody(List<S3ObjectEvent> objects, String ignored) {

    public static final String TEST_EVENT = "s3:TestEvent";
    public static final String NOT_A_NOTIFICATION = "message body is not an S3 event notification";

    public S3EventBody {
        objects = List.copyOf(objects);
    }

    static S3EventBody of(List<S3ObjectEvent> objects) {
        return objects.isEmpty() ? ignored("no object-created records") : new S3EventBody(objects, null);
    }

    static S3EventBody ignored(String why) {
        return new S3EventBody(List.of(), why);
    }

    /** S3 sends {@code s3:TestEvent} when notifications are configured; there is nothing to do for it. */
    public boolean isTestEvent() {
        return TEST_EVENT.equals(ignored);
    }

    /** A JSON object, but neither a notification nor a test event: the caller may know another shape. */
    public boolean isNotANotification() {
        return NOT_A_NOTIFICATION.equals(ignored);
    }
}
