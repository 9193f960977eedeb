package org.classroom.localcloud.standins;

import com.robothy.netty.initializer.HttpServerInitializer;
import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import com.robothy.s3.rest.handler.LocalS3RouterFactory;
import com.robothy.s3.rest.service.ServiceFactory;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.EventExecutorGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * S3 from local-s3: in memory, or its own files under {@code <data>/s3}. local-s3's own start binds every
 * interface, so this starts its request handling the way local-s3 does, but on the loopback interface.
 */
public final class S3StandIn implements StandIn {

    private final Channel channel;
    private final ChannelGroup connections;
    private final EventLoopGroup parent;
    private final EventLoopGroup children;
    private final EventExecutorGroup workers;
    private final URI address;

    private S3StandIn(Channel channel, ChannelGroup connections, EventLoopGroup parent, EventLoopGroup children,
                      EventExecutorGroup workers, int port) {
        this.channel = channel;
        this.connections = connections;
        this.parent = parent;
        this.children = children;
        this.workers = workers;
        this.address = URI.create("http://" + LoopbackOnly.HOST + ":" + port);
    }

    public static S3StandIn start(Path dataDir) {
        EventLoopGroup parent = new NioEventLoopGroup(1);
        EventLoopGroup children = new NioEventLoopGroup(2);
        EventExecutorGroup workers = new DefaultEventLoopGroup(4);
        // Every connection is kept, so that closing can end them before the loops they run on.
        ChannelGroup connections = new DefaultChannelGroup("local-s3", GlobalEventExecutor.INSTANCE);
        // Bound first on a port the system picks, and local-s3 told that port after: a port picked free and bound
        // later can be taken in between (the other stand-ins start at the same time). No connection comes before
        // the address is handed out, so the handler is in place by then.
        AtomicReference<HttpServerInitializer> http = new AtomicReference<>();
        Channel channel = null;
        try {
            channel = new ServerBootstrap().group(parent, children)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel connection) {
                            connections.add(connection);
                            connection.pipeline().addLast(http.get());
                        }
                    })
                    .bind(LoopbackOnly.HOST, 0).sync().channel();
            int port = ((InetSocketAddress) channel.localAddress()).getPort();
            ServiceFactory services = services(configured(dataDir, port));
            if (dataDir != null) {
                CrashSafeBucketIndex.install(services, dataDir.resolve("s3"));
            }
            http.set(new HttpServerInitializer(workers, LocalS3RouterFactory.create(services)));
            return new S3StandIn(channel, connections, parent, children, workers, port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            shutdown(parent, children, workers);
            throw new IllegalStateException("interrupted while local-s3 started", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            shutdown(parent, children, workers);
            throw new IllegalStateException("local-s3 did not start on " + LoopbackOnly.HOST + ": " + e.getMessage(), e);
        }
    }

    /** local-s3 as it would run on this port: in memory, or on disk under {@code <data>/s3}. */
    private static LocalS3 configured(Path dataDir, int port) {
        LocalS3.Builder builder = LocalS3.builder().port(port);
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
        return builder.build();
    }

    private static void closeQuietly(Channel channel) {
        if (channel != null) {
            channel.close().awaitUninterruptibly(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** local-s3's services (buckets, objects, in memory or on disk as configured), as its own start makes them. */
    private static ServiceFactory services(LocalS3 configured) {
        try {
            Method factory = LocalS3.class.getDeclaredMethod("createServiceFactory");
            factory.setAccessible(true);
            return (ServiceFactory) factory.invoke(configured);
        } catch (InvocationTargetException e) {
            // e.g. a bucket's index cut short by a crash before its writes became safe (CrashSafeBucketIndex)
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("local-s3 could not load its data: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("local-s3 changed: its services cannot be made without binding every interface", e);
        }
    }

    @Override
    public URI address() {
        return address;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly(5, java.util.concurrent.TimeUnit.SECONDS);
        shutdown(workers, children, parent);
    }

    /**
     * One group after another, each finished before the next: connections closing on the child loops still
     * hand their last events to the workers, which must be running to take them.
     */
    private static void shutdown(EventExecutorGroup... groups) {
        for (EventExecutorGroup group : groups) {
            group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
