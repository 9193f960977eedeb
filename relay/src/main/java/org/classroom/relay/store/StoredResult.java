package org.classroom.relay.store;

import org.classroom.common.model.VideoResult;

/**
 * A result as the relay keeps it: numbered in the order it arrived, which is also its event id on
 * the live API.
 */
public record StoredResult(long seq, VideoResult result) {
}
