package org.classroom.function.process;

import java.util.List;

/**
 * How one message went.
 *
 * @param messageId the SQS message id; null for a direct event
 * @param outcomes  the objects handled
 * @param failures  why objects (or the whole message) failed; empty when it succeeded
 */
public record MessageReport(String messageId, List<ObjectOutcome> outcomes, List<String> failures) {

    public MessageReport {
        outcomes = List.copyOf(outcomes);
        failures = List.copyOf(failures);
    }

    public boolean failed() {
        return !failures.isEmpty();
    }
}
