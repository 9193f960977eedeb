package org.classroom.function.process;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classroom.common.format.Json;
import org.classroom.common.model.Progress;
import org.classroom.common.model.VideoResult;
import org.classroom.common.results.ResultState;
import org.classroom.common.results.ResultsTable;
import org.classroom.function.runtime.Retrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The idempotency record of each video, kept in the results table with conditional writes, so that two
 * invocations of one event can never both publish. An invocation first <em>claims</em> the video's
 * current version (key + ETag); only the claim's holder may store the result and mark it sent. The holder
 * renews its claim while it works, so a claim older than the lease belongs to an invocation that died,
 * and may be taken over.
 */
public final class ResultLedger {

    private static final Logger LOG = LoggerFactory.getLogger(ResultLedger.class);
    /** Stands for "no ETag known" (the object was gone before it could be read), so the key stays claimable. */
    private static final String NO_ETAG = "-";
    private static final Pattern PLACEHOLDER = Pattern.compile("#\\w+");

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration lease;
    private final Clock clock;
    private final Retrier retrier;

    public ResultLedger(DynamoDbClient dynamoDb, String table, Duration lease, Clock clock, Retrier retrier) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.lease = lease;
        this.clock = clock;
        this.retrier = retrier;
    }

    /** What to do with an event for an object version. */
    public enum Decision {
        /** This invocation holds the claim: run the engine, store, send. */
        PROCESS,
        /**
         * Stored by an invocation that died before sending, or stored and sent before but uploaded again with the
         * same content: this invocation holds the claim now and announces the stored result (no engine run).
         */
        RESEND,
        /** Stored and sent: a duplicate event, nothing to do. */
        DONE,
        /** Another invocation is at work on this version: retry the message later, when it is done or dead. */
        BUSY
    }

    /** The outcome of a claim: the decision, the claim token when this invocation holds it, the stored result to resend. */
    public record Claim(String video, String etag, Decision decision, String token, String storedJson) {
    }

    /**
     * @param sequencer the upload's S3 sequencer ({@link org.classroom.common.events.Sequencers#comparable}), or null when unknown: it tells a
     *                  new upload of the same bytes (announced again) from a redelivered event (a duplicate)
     */
    public Claim claim(String video, String etag, String sequencer) {
        return claim(video, etag, sequencer, null);
    }

    /**
     * As {@link #claim(String, String, String)}, recording the gallery the result is matched against: the same
     * version uploaded again after the gallery changed (a face enrolled or removed) is claimed to be matched
     * again, rather than answered with the stored result.
     *
     * @param gallery null when the gallery does not decide the result (an enrolment)
     */
    public Claim claim(String video, String etag, String sequencer, GalleryVersion gallery) {
        String version = etag == null ? NO_ETAG : etag;
        String token = UUID.randomUUID().toString();
        long now = clock.millis();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":etag", AttributeValue.fromS(version));
        values.put(":processing", AttributeValue.fromS(ResultState.PROCESSING.wireName()));
        values.put(":claim", AttributeValue.fromS(token));
        values.put(":now", number(now));
        values.put(":stale", number(now - lease.toMillis()));
        String set = "SET #etag = :etag, #state = :processing, #claim = :claim, #claimedAt = :now";
        if (sequencer != null) {
            values.put(":sequencer", AttributeValue.fromS(sequencer));
            set += ", #sequencer = :sequencer";
        }
        if (gallery != null) {
            values.put(":gallery", AttributeValue.fromS(gallery.current()));
            set += ", #gallery = :gallery";
        }
        // A new claim starts with no progress: what an earlier run recorded is not this one's.
        set += " REMOVE #progress, #segmentsDone, #segments";
        try {
            update(video, set, "attribute_not_exists(#video) OR #etag <> :etag"
                            + " OR (#state = :processing AND #claimedAt < :stale)",
                    values);
            return new Claim(video, version, Decision.PROCESS, token, null);
        } catch (ConditionalCheckFailedException sameVersion) {
            return sameVersion(video, version, sequencer, token, now, gallery);
        }
    }

    /** The version was claimed before: done, in hand elsewhere, or stored by an invocation that died before sending. */
    private Claim sameVersion(String video, String version, String sequencer, String token, long now,
                              GalleryVersion gallery) {
        Map<String, AttributeValue> item = retrier.call(() -> dynamoDb.getItem(request -> request.tableName(table)
                .key(key(video)).consistentRead(true)).item());
        if (item == null || item.isEmpty() || !version.equals(ResultsTable.text(item, ResultsTable.ETAG))) {
            // Changed between the two calls (a newer upload, or a takeover): let the queue bring it back.
            return new Claim(video, version, Decision.BUSY, null, null);
        }
        ResultState state = ResultState.fromWire(ResultsTable.text(item, ResultsTable.STATE));
        if (state == ResultState.PROCESSING && token.equals(ResultsTable.text(item, ResultsTable.CLAIM))) {
            // Our own claim: the first attempt went through but its reply was lost, and the retry found it.
            return new Claim(video, version, Decision.PROCESS, token, null);
        }
        if (state == ResultState.SENT) {
            if (sequencer != null && gallery != null) {
                String today = gallery.fresh();
                if (!today.equals(ResultsTable.text(item, ResultsTable.GALLERY))
                        && matchAgain(video, version, sequencer, token, now, today)) {
                    return new Claim(video, version, Decision.PROCESS, token, null);
                }
            }
            if (sequencer != null && reupload(video, version, sequencer, token, now)) {
                return new Claim(video, version, Decision.RESEND, token, ResultsTable.text(item, ResultsTable.RESULT));
            }
            return new Claim(video, version, Decision.DONE, null, null);
        }
        long claimedAt = Long.parseLong(item.get(ResultsTable.CLAIMED_AT).n());
        if (state == ResultState.WRITTEN && claimedAt < now - lease.toMillis()
                && takeOver(video, version, ResultsTable.text(item, ResultsTable.CLAIM), token, now)) {
            return new Claim(video, version, Decision.RESEND, token, ResultsTable.text(item, ResultsTable.RESULT));
        }
        return new Claim(video, version, Decision.BUSY, null, null);
    }

    /**
     * The same bytes uploaded again (a later sequencer than the one recorded): the course's grader clears the
     * output bucket and uploads again, and expects its object back. Only one invocation wins the condition.
     * Without a recorded sequencer (the version was handled by a direct invocation) there is no telling, and
     * the event counts as a duplicate.
     */
    private boolean reupload(String video, String version, String sequencer, String token, long now) {
        try {
            update(video, "SET #state = :written, #sequencer = :sequencer, #claim = :claim, #claimedAt = :now",
                    "#etag = :etag AND #state = :sent AND #sequencer < :sequencer",
                    Map.of(":written", AttributeValue.fromS(ResultState.WRITTEN.wireName()),
                            ":sequencer", AttributeValue.fromS(sequencer), ":claim", AttributeValue.fromS(token),
                            ":now", number(now), ":etag", AttributeValue.fromS(version),
                            ":sent", AttributeValue.fromS(ResultState.SENT.wireName())));
            return true;
        } catch (ConditionalCheckFailedException redelivered) {
            return false;
        }
    }

    /**
     * The same bytes uploaded again after the gallery changed: claimed afresh (as a new version would be), so
     * the clip is matched against today's gallery. Only one invocation wins the condition.
     */
    private boolean matchAgain(String video, String version, String sequencer, String token, long now, String gallery) {
        try {
            update(video, "SET #state = :processing, #sequencer = :sequencer, #claim = :claim, #claimedAt = :now, "
                            + "#gallery = :gallery",
                    "#etag = :etag AND #state = :sent AND #sequencer < :sequencer",
                    Map.of(":processing", AttributeValue.fromS(ResultState.PROCESSING.wireName()),
                            ":sequencer", AttributeValue.fromS(sequencer), ":claim", AttributeValue.fromS(token),
                            ":now", number(now), ":gallery", AttributeValue.fromS(gallery),
                            ":etag", AttributeValue.fromS(version),
                            ":sent", AttributeValue.fromS(ResultState.SENT.wireName())));
            return true;
        } catch (ConditionalCheckFailedException redelivered) {
            return false;
        }
    }

    private boolean takeOver(String video, String version, String oldToken, String token, long now) {
        try {
            update(video, "SET #claim = :claim, #claimedAt = :now",
                    "#etag = :etag AND #state = :written AND #claim = :old",
                    Map.of(":claim", AttributeValue.fromS(token), ":now", number(now),
                            ":etag", AttributeValue.fromS(version), ":old", AttributeValue.fromS(oldToken),
                            ":written", AttributeValue.fromS(ResultState.WRITTEN.wireName())));
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
    }

    /**
     * Stores the result under the claim. False when the claim was lost (taken over after this invocation
     * ran past the lease): then the holder publishes and this invocation must not.
     */
    public boolean store(Claim claim, VideoResult result) {
        String json = Json.write(result);
        try {
            update(claim.video(), "SET #state = :written, #result = :result, #updatedAt = :now",
                    "#claim = :claim",
                    Map.of(":written", AttributeValue.fromS(ResultState.WRITTEN.wireName()),
                            ":result", AttributeValue.fromS(json), ":now", number(clock.millis()),
                            ":claim", AttributeValue.fromS(claim.token())));
            return true;
        } catch (ConditionalCheckFailedException lost) {
            LOG.warn("result for {} not stored: another invocation took over the claim", claim.video());
            return false;
        }
    }

    /**
     * Marks the result sent. A failure here only risks one extra message after a later takeover, so it is
     * logged rather than failing the message (which would send it again for certain).
     */
    public void markSent(Claim claim) {
        try {
            update(claim.video(), "SET #state = :sent",
                    "#claim = :claim",
                    Map.of(":sent", AttributeValue.fromS(ResultState.SENT.wireName()),
                            ":claim", AttributeValue.fromS(claim.token())));
        } catch (RuntimeException e) {
            LOG.warn("result for {} was sent but could not be marked sent: {}", claim.video(), e.getMessage());
        }
    }

    /**
     * Keeps the claim fresh while its holder works ({@link ClaimRenewal}), recording how far the work is when it
     * says (shown by {@code classroom process}). False when it is no longer this invocation's: taken over, or the
     * result already sent.
     */
    public boolean renew(Claim claim, Optional<Progress> progress) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":now", number(clock.millis()),
                ":claim", AttributeValue.fromS(claim.token()), ":sent", AttributeValue.fromS(ResultState.SENT.wireName())));
        String set = "SET #claimedAt = :now";
        if (progress.isPresent()) {
            values.put(":progress", AttributeValue.fromN(Double.toString(progress.get().fraction())));
            values.put(":segmentsDone", number(progress.get().segmentsDone()));
            values.put(":segments", number(progress.get().segments()));
            set += ", #progress = :progress, #segmentsDone = :segmentsDone, #segments = :segments";
        }
        try {
            update(claim.video(), set, "#claim = :claim AND #state <> :sent", values);
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    /**
     * Gives up a claim whose work failed (before or after storing the result), so that a retry need not
     * wait for the lease; best effort.
     */
    public void release(Claim claim) {
        if (claim.token() == null) {
            return;
        }
        try {
            update(claim.video(), "SET #claimedAt = :zero",
                    "#claim = :claim AND #state <> :sent",
                    Map.of(":zero", number(0), ":claim", AttributeValue.fromS(claim.token()),
                            ":sent", AttributeValue.fromS(ResultState.SENT.wireName())));
        } catch (RuntimeException e) {
            LOG.info("claim on {} not released ({}); a retry takes it over once it is stale", claim.video(), e.getMessage());
        }
    }

    private static Map<String, AttributeValue> key(String video) {
        return Map.of(ResultsTable.VIDEO, AttributeValue.fromS(video));
    }

    /** One conditional update; a failed condition is thrown as it came, never retried. */
    private void update(String video, String set, String condition, Map<String, AttributeValue> values) {
        retrier.run(() -> dynamoDb.updateItem(request -> request.tableName(table).key(key(video))
                .updateExpression(set)
                .conditionExpression(condition)
                .expressionAttributeNames(namesIn(set + " " + condition))
                .expressionAttributeValues(values)));
    }

    /** DynamoDB refuses names an expression does not use, so each call names just its own. */
    private static Map<String, String> namesIn(String expressions) {
        Map<String, String> names = new HashMap<>();
        Matcher placeholder = PLACEHOLDER.matcher(expressions);
        while (placeholder.find()) {
            names.put(placeholder.group(), placeholder.group().substring(1));
        }
        return names;
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
