package org.classroom.localcloud.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/** DynamoDB from DynamoDB Local: in memory, or one shared database file under {@code <data>/dynamodb}. */
public final class DynamoDbStandIn implements StandIn {

    /** A port picked free can be taken before DynamoDB Local binds it (the other stand-ins start meanwhile). */
    private static final int BIND_ATTEMPTS = 3;

    private final DynamoDBProxyServer server;
    private final URI address;

    private DynamoDbStandIn(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.address = URI.create("http://127.0.0.1:" + port);
    }

    public static DynamoDbStandIn start(Path dataDir) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOn(FreePort.pick(), dataDir);
            } catch (IllegalStateException e) {
                if (attempt >= BIND_ATTEMPTS || !portTaken(e)) {
                    throw e;
                }
            }
        }
    }

    static DynamoDbStandIn startOn(int port, Path dataDir) {
        // One database for every access key and region: each part of the system signs with its own key.
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-disableTelemetry", "-sharedDb"));
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            Path folder = dataDir.resolve("dynamodb");
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the DynamoDB data folder " + folder, e);
            }
            args.addAll(List.of("-dbPath", folder.toString()));
        }
        DynamoDBProxyServer server = null;
        try {
            server = QuietStdout.call(() -> ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new)));
            LoopbackOnly.jetty(server);
            server.start();
            return new DynamoDbStandIn(server, port);
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("DynamoDB Local did not start: " + e.getMessage(), e);
        }
    }

    static boolean portTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // it did not start: nothing more to free
            }
        }
    }

    @Override
    public URI address() {
        return address;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
