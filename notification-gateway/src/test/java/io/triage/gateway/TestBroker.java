package io.triage.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.triage.model.Addresses;
import io.triage.model.TicketEvent;
import io.triage.testing.ArtemisTestResource;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpMessageBuilder;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Publishes to the real {@code ticket-events} address of the embedded broker, shaped like the outbox relay's
 * messages: JSON body, application properties type/schemaVersion/eventId, message id = event id, durable.
 */
@ApplicationScoped
public class TestBroker {

    private final ObjectMapper mapper;
    private final AmqpClient client;
    private AmqpSender sender;

    public TestBroker(Vertx vertx, ObjectMapper mapper) {
        this.mapper = mapper;
        this.client = AmqpClient.create(
                vertx,
                new AmqpClientOptions()
                        .setHost("127.0.0.1")
                        .setPort(ArtemisTestResource.port())
                        .setUsername(ArtemisTestResource.USER)
                        .setPassword(ArtemisTestResource.PASSWORD));
    }

    /**
     * Waits until the gateway's subscription exists: events published to a multicast address before that are
     * dropped by the broker, as they would be for a replica that is not running.
     */
    public static void awaitGatewaySubscribed() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> RestAssured.get("/q/health/ready").statusCode() == 200);
    }

    /** As a Data section with content type application/json. */
    public void publish(TicketEvent event) {
        send(properties(event).withBufferAsBody(Buffer.buffer(json(event))).contentType("application/json"));
    }

    /** As an AmqpValue string, which a producer sending the JSON as a String payload produces. */
    public void publishAsString(TicketEvent event) {
        send(properties(event).withBody(json(event)));
    }

    public void send(AmqpMessageBuilder message) {
        await(sender().sendWithAck(message.durable(true).build()));
    }

    private AmqpMessageBuilder properties(TicketEvent event) {
        return AmqpMessage.create()
                .id(event.eventId().toString())
                .applicationProperties(new JsonObject()
                        .put(Addresses.TYPE_PROPERTY, event.type())
                        .put(Addresses.SCHEMA_VERSION_PROPERTY, event.schemaVersion())
                        .put("eventId", event.eventId().toString()));
    }

    private String json(TicketEvent event) {
        try {
            return mapper.writerFor(TicketEvent.class).writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized AmqpSender sender() {
        if (sender == null) {
            sender = await(client.createSender(Addresses.TICKET_EVENTS));
        }
        return sender;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Broker operation failed", e);
        }
    }
}
