package org.classroom.localcloud.standins;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.collection.immutable.Nil$;
import scala.util.Either;

/**
 * SQS from ElasticMQ. Its queue URLs name the edge, not ElasticMQ's own port, so clients that follow
 * a queue URL keep going through the edge. With a data folder, ElasticMQ's own SQL store (an H2 file
 * under {@code <data>/sqs}) keeps queues and messages across restarts, as its stand-alone server does.
 */
public final class SqsStandIn implements StandIn {

    public static final String ACCOUNT_ID = "000000000000";

    private final SQSRestServer server;
    private final ActorSystem actorSystem;
    private final URI address;

    private SqsStandIn(SQSRestServer server, ActorSystem actorSystem, int port) {
        this.server = server;
        this.actorSystem = actorSystem;
        this.address = URI.create("http://127.0.0.1:" + port);
    }

    public static SqsStandIn start(int edgePort, String region, Path dataDir) {
        TheSQSRestServerBuilder builder = SQSRestServerBuilder
                .withInterface("127.0.0.1")
                .withDynamicPort()
                .withServerAddress(NodeAddress.apply("http", "127.0.0.1", edgePort, ""))
                .withAWSRegion(region)
                .withAWSAccountId(ACCOUNT_ID);
        if (dataDir == null) {
            SQSRestServer server = builder.start();
            return new SqsStandIn(server, null, server.waitUntilStarted().localAddress().getPort());
        }
        ActorSystem system = ActorSystem.create("elasticmq");
        try {
            String uri = "jdbc:h2:file:" + dataDir.resolve("sqs").resolve("queues").toAbsolutePath();
            SqlQueuePersistenceConfig store = SqlQueuePersistenceConfig.apply(true, "org.h2.Driver", uri, "", "", false);
            ActorRef persistence = system.actorOf(Props.create(SqlQueuePersistenceActor.class, store, Nil$.MODULE$));
            ActorRef queues = system.actorOf(Props.create(QueueManagerActor.class, new NowProvider(), builder.sqsLimits(),
                    Option.apply(persistence)));
            SQSRestServer server = builder.withActorSystem(system).withQueueManagerActor(queues)
                    .withQueueEventListener(persistence).start();
            int port = server.waitUntilStarted().localAddress().getPort();
            Object restored = Patterns.ask(persistence, new QueueEvent.Restore(queues), Duration.ofSeconds(30))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            if (restored instanceof Either<?, ?> either && either.isLeft()) {
                throw new IllegalStateException("ElasticMQ could not restore the saved queues in " + dataDir.resolve("sqs")
                        + ": " + either.left().get() + " (delete that folder to start without them)");
            }
            return new SqsStandIn(server, system, port);
        } catch (Exception e) {
            system.terminate();
            if (e instanceof IllegalStateException illegal) {
                throw illegal;
            }
            throw new IllegalStateException("ElasticMQ did not start with its store in " + dataDir.resolve("sqs") + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public URI address() {
        return address;
    }

    @Override
    public void close() {
        server.stopAndWait();
        if (actorSystem != null) {
            actorSystem.terminate();
            try {
                actorSystem.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Stopping is best effort; the JVM may be exiting anyway.
            }
        }
    }
}
