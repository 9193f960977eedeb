package org.classroom.relay.api;

import org.classroom.relay.store.ResultStore;

/**
 * What the live event stream may hold in memory.
 *
 * @param replayWindow  newest results kept for replay; a subscriber whose {@code Last-Event-ID} is older
 *                      gets each video's latest result instead of the results it missed
 * @param clientBacklog new results one subscriber may fall behind by before it is disconnected (it then
 *                      reconnects with its {@code Last-Event-ID})
 */
public record StreamLimits(int replayWindow, int clientBacklog) {

    public static final StreamLimits DEFAULT = new StreamLimits(ResultStore.DEFAULT_REPLAY_WINDOW,
            ApiOptions.DEFAULT_CLIENT_BACKLOG);

    public StreamLimits {
        if (replayWindow < 1 || clientBacklog < 1) {
            throw new IllegalArgumentException("replay window and client backlog must be at least 1");
        }
    }
}
