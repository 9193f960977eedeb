package org.classroom.desktop.logic.results;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.classroom.common.model.VideoResult;
import org.classroom.common.results.ResultsTable;
import org.classroom.desktop.model.Connection;
import org.classroom.desktop.model.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Without a relay: polls the results table (where the function keeps each video's JSON result) and
 * passes on each new or changed result.
 */
public final class TableFeed implements ResultFeed {

    private static final Logger LOG = LoggerFactory.getLogger(TableFeed.class);

    private final DynamoDbClient dynamoDb;
    private final ResultsTable table;
    private final Duration interval;
    private final Map<String, VideoResult> seen = new HashMap<>();
    private volatile boolean closed;
    private volatile Thread worker;

    public TableFeed(DynamoDbClient dynamoDb, String resultsTable, Duration interval) {
        this.dynamoDb = dynamoDb;
        this.table = new ResultsTable(dynamoDb, resultsTable);
        this.interval = interval;
    }

    @Override
    public void start(Consumer<VideoResult> results, Consumer<Connection> connection) {
        Thread thread = new Thread(() -> run(results, connection), "table-feed");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    private void run(Consumer<VideoResult> results, Consumer<Connection> connection) {
        ConnectionState last = null;
        while (!closed) {
            try {
                poll(results);
                if (last != ConnectionState.POLLING) {
                    connection.accept(new Connection(ConnectionState.POLLING,
                            "No relay set: reading results from the table " + table.name()));
                    last = ConnectionState.POLLING;
                }
            } catch (SdkException | IllegalArgumentException e) {
                LOG.info("table feed: {}", e.getMessage());
                connection.accept(new Connection(ConnectionState.RECONNECTING,
                        "Cannot read the table " + table.name() + " (" + e.getMessage() + "); trying again…"));
                last = ConnectionState.RECONNECTING;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        connection.accept(Connection.offline("Not connected"));
    }

    private void poll(Consumer<VideoResult> results) {
        for (VideoResult result : table.all()) {
            if (closed) {
                return;
            }
            if (!result.equals(seen.put(result.video(), result))) {
                results.accept(result);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
        dynamoDb.close();
    }
}
