package org.classroom.common.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The final state of one video. Every uploaded video ends with exactly one of these. */
public enum ResultStatus {
    /** At least one face matched a gallery person. */
    RECOGNISED("recognised"),
    /** Faces were found, none of them in the gallery. */
    UNKNOWN_FACE("unknown-face"),
    /** The video decoded but no face was found in the sampled frames. */
    NO_FACE("no-face"),
    /** Not a decodable video; the result's reason says why. Final: never retried. */
    INVALID_VIDEO("invalid-video"),
    /** A fault that retries did not cure. */
    ERROR("error");

    private final String wireName;

    ResultStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static ResultStatus fromWireName(String name) {
        for (ResultStatus status : values()) {
            if (status.wireName.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown result status '" + name + "'");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
