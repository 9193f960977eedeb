package org.classroom.function.process;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.classroom.common.format.Json;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.function.event.ObjectRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured JSON log line per object (CloudWatch Logs Insights can query its fields): the key, its
 * status, face counts and timings. Names and student records go only to DEBUG.
 */
public final class VideoLog {

    private static final Logger LOG = LoggerFactory.getLogger(VideoLog.class);

    private VideoLog() {
    }

    public static void done(String messageId, ObjectOutcome outcome) {
        ObjectNode line = base("video", messageId, outcome.object());
        line.put("outcome", outcome.kind().label());
        VideoResult result = outcome.result();
        if (result != null) {
            line.put("status", result.status().wireName());
            line.put("faces", result.facesFound());
            line.put("unknownFaces", result.unknownFaces());
            line.put("people", result.people().size());
            if (result.reason() != null && result.status() != ResultStatus.RECOGNISED) {
                // An enrolment's reason names the student; failure reasons name only the file.
                line.put("reason", result.reason());
            }
            ObjectNode engine = line.putObject("resultTimingsMs");
            result.timingsMs().forEach((step, ms) -> engine.put(step, round(ms)));
        }
        ObjectNode steps = line.putObject("timingsMs");
        outcome.timingsMs().forEach((step, ms) -> steps.put(step, round(ms)));
        LOG.info(Json.write(line));
        if (result != null && LOG.isDebugEnabled()) {
            for (RecognisedPerson person : result.people()) {
                LOG.debug("{} recognised {} (id {}, {}, {}) at distance {}", outcome.object().key(), person.name(),
                        person.id(), person.major(), person.year(), person.distance());
            }
        }
    }

    public static void failed(String messageId, ObjectRef object, Throwable failure, boolean transientFault) {
        ObjectNode line = base("video", messageId, object);
        line.put("outcome", "failed");
        line.put("transient", transientFault);
        line.put("error", failure.getClass().getSimpleName() + ": " + firstLine(failure.getMessage()));
        LOG.error(Json.write(line));
    }

    public static void ignored(String messageId, String why) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("event", "ignored");
        if (messageId != null) {
            line.put("messageId", messageId);
        }
        line.put("reason", why);
        LOG.info(Json.write(line));
    }

    public static void notStarted(String messageId, String why) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("event", "not-started");
        if (messageId != null) {
            line.put("messageId", messageId);
        }
        line.put("reason", why);
        LOG.warn(Json.write(line));
    }

    private static ObjectNode base(String event, String messageId, ObjectRef object) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("event", event);
        line.put("bucket", object.bucket());
        line.put("key", object.key());
        if (object.etag() != null) {
            line.put("etag", object.etag());
        }
        if (messageId != null) {
            line.put("messageId", messageId);
        }
        return line;
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
