package io.triage.worker.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.triage.model.Addresses;
import io.triage.model.TriageRequested;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Puts triage requests on the real broker queue, the way the outbox relay does (test-only channel). */
@ApplicationScoped
public class TriageRequestSender {

    private final MutinyEmitter<Object> emitter;
    private final ObjectMapper mapper;

    public TriageRequestSender(@Channel("test-triage-requests") MutinyEmitter<Object> emitter, ObjectMapper mapper) {
        this.emitter = emitter;
        this.mapper = mapper;
    }

    public TriageRequested request(UUID ticketId) {
        return TriageRequested.of(ticketId, TriageRequested.REASON_CREATED, Instant.now());
    }

    /** The event's JSON as an AMQP string value. */
    public TriageRequested sendAsText(TriageRequested request) {
        send(json(request), request);
        return request;
    }

    /** The event's JSON as a data section typed application/json (the connector then hands over a JsonObject). */
    public TriageRequested sendAsJsonObject(TriageRequested request) {
        send(new JsonObject(json(request)), request);
        return request;
    }

    /** Any body at all, for messages the worker must refuse. */
    public void sendRaw(String body) {
        emitter.sendMessageAndAwait(Message.of((Object) body)
                .addMetadata(OutgoingAmqpMetadata.builder().withDurable(true).build()));
    }

    private void send(Object body, TriageRequested request) {
        OutgoingAmqpMetadata metadata = OutgoingAmqpMetadata.builder()
                .withDurable(true)
                .withMessageId(request.eventId().toString())
                .withApplicationProperty(Addresses.TYPE_PROPERTY, request.type())
                .withApplicationProperty(Addresses.SCHEMA_VERSION_PROPERTY, request.schemaVersion())
                .withApplicationProperty("eventId", request.eventId().toString())
                .build();
        // Waits for the broker's acknowledgement, so the message is on the queue when this returns.
        emitter.sendMessageAndAwait(Message.of(body).addMetadata(metadata));
    }

    private String json(TriageRequested request) {
        try {
            return mapper.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
