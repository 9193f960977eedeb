package org.classroom.function.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.classroom.common.format.Json;
import org.classroom.face.segment.PartialResult;

/** A segment's partial result on the wire: the answer of a segment invocation. */
final class PartialResults {

    private PartialResults() {
    }

    static PartialResult read(String json) {
        try {
            return Json.mapper().readValue(json, PartialResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a segment's answer is not a partial result: " + e.getOriginalMessage(), e);
        }
    }
}
