package io.triage.ticket;

import io.triage.testing.ArtemisTestResource;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A plain AMQP 1.0 consumer on the test broker, to see exactly what the service published. */
public final class AmqpProbe implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final AmqpClient client;
    private final List<AmqpMessage> received = new CopyOnWriteArrayList<>();

    private AmqpProbe(String address, String capability) throws Exception {
        client = AmqpClient.create(
                vertx,
                new AmqpClientOptions()
                        .setHost("127.0.0.1")
                        .setPort(ArtemisTestResource.port())
                        .setUsername(ArtemisTestResource.USER)
                        .setPassword(ArtemisTestResource.PASSWORD));
        AmqpConnection connection =
                client.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        connection
                .createReceiver(address, new AmqpReceiverOptions().addCapability(capability))
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .handler(received::add);
    }

    /** Competing consumer on an anycast queue. */
    public static AmqpProbe queue(String address) throws Exception {
        return new AmqpProbe(address, "queue");
    }

    /** Own subscription of a multicast address. */
    public static AmqpProbe topic(String address) throws Exception {
        return new AmqpProbe(address, "topic");
    }

    public List<AmqpMessage> received() {
        return received;
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public static Duration patience() {
        return Duration.ofSeconds(30);
    }
}
