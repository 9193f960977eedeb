package org.classroom.function.process;

import java.util.Map;
import org.classroom.common.model.VideoResult;
import org.classroom.function.event.ObjectRef;

/**
 * What happened to one object.
 *
 * @param object   the object
 * @param kind     processed now, a duplicate of work already done, a message sent again, or ignored
 * @param result   the result written or re-sent; null for a duplicate or an ignored object
 * @param timingsMs time per step of this invocation (download, engine, publish, total)
 */
public record ObjectOutcome(ObjectRef object, Kind kind, VideoResult result, Map<String, Double> timingsMs) {

    public ObjectOutcome {
        timingsMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timingsMs));
    }

    public enum Kind {
        PROCESSED("processed"),
        DUPLICATE("duplicate"),
        RESENT("resent"),
        /** Not an input: an object of the output bucket itself (a loop if it were processed). */
        IGNORED("ignored");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
