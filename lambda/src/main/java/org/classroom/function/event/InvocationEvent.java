package org.classroom.function.event;

import java.util.List;

/** What one invocation asks for: the shape it came in and its messages. */
public record InvocationEvent(Shape shape, List<EventMessage> messages) {

    public InvocationEvent {
        messages = List.copyOf(messages);
    }

    /** The event shapes the function accepts. */
    public enum Shape {
        /** An SQS event (from the relay or an event source mapping): answered with an SQS batch response. */
        SQS,
        /** An S3 event notification delivered directly. */
        S3,
        /** A plain {@code {"bucket": ..., "key": ...}} test event. */
        DIRECT
    }

    public List<ObjectRef> allObjects() {
        return messages.stream().flatMap(message -> message.objects().stream()).toList();
    }
}
