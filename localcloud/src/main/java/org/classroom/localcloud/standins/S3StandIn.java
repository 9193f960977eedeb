package org.classroom.localcloud.standins;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** S3 from local-s3: in memory, or its own files under {@code <data>/s3}. */
public final class S3StandIn implements StandIn {

    private final LocalS3 server;
    private final URI address;

    private S3StandIn(LocalS3 server, int port) {
        this.server = server;
        this.address = URI.create("http://127.0.0.1:" + port);
    }

    public static S3StandIn start(Path dataDir) {
        int port = FreePort.pick();
        LocalS3.Builder builder = LocalS3.builder().port(port).nettyParentEventGroupThreadNum(1)
                .nettyChildEventGroupThreadNum(2).s3ExecutorThreadNum(4);
        if (dataDir == null) {
            builder.mode(LocalS3Mode.IN_MEMORY);
        } else {
            Path folder = dataDir.resolve("s3");
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the S3 data folder " + folder, e);
            }
            builder.mode(LocalS3Mode.PERSISTENCE).dataPath(folder.toString());
        }
        LocalS3 server = builder.build();
        server.start();
        return new S3StandIn(server, server.getPort() > 0 ? server.getPort() : port);
    }

    @Override
    public URI address() {
        return address;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
