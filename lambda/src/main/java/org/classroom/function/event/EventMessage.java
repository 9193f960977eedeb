package org.classroom.function.event;

import java.util.List;

/**
 * One unit that succeeds or fails together: an SQS message (with its id, for the batch response) or,
 * for a direct S3 or test event, the whole event (no id).
 *
 * @param messageId the SQS message id; null when the event did not come through SQS
 * @param objects   the objects to handle, in order; empty when the message asks for nothing (a test event)
 * @param ignored   why the message holds no work, for the log; null when it has objects
 */
public record EventMessage(String messageId, List<ObjectRef> objects, String ignored) {

    public EventMessage {
        objects = List.copyOf(objects);
    }

    public static EventMessage of(String messageId, List<ObjectRef> objects) {
        return new EventMessage(messageId, objects, objects.isEmpty() ? "no object records" : null);
    }

    public static EventMessage ignored(String messageId, String why) {
        return new EventMessage(messageId, List.of(), why);
    }
}
