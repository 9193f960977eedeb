package org.classroom.relay.store;

import org.classroom.common.events.Sequencers;
import org.classroom.common.model.VideoResult;

/**
 * Which of two results for one video stands: the one of the later upload, by S3's sequencer. Results come
 * in any order (a redelivered message, a dead letter that waited its turn), so arrival proves nothing.
 */
final class UploadOrder {

    private UploadOrder() {
    }

    /**
     * Whether {@code arriving} may take the place of {@code kept}: its upload is the same or a later one.
     * The same upload's later word stands (a finished run after a give-up). A result that cannot be placed
     * (no sequencer: an offline run, an older function, a hand-made message) never displaces one that can,
     * since it may well be the stale one this rule is here to stop; among results without order, the last
     * arrival stands, as nothing better is known. A placed result displaces an unplaced one: it comes from
     * the event pipeline, which is what the results folder follows.
     */
    static boolean mayReplace(VideoResult arriving, VideoResult kept) {
        String keptOrder = Sequencers.comparable(kept.sequencer());
        if (keptOrder == null) {
            return true;
        }
        String arrivingOrder = Sequencers.comparable(arriving.sequencer());
        return arrivingOrder != null && arrivingOrder.compareTo(keptOrder) >= 0;
    }
}
