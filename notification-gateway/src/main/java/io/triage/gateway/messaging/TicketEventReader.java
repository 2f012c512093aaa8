package io.triage.gateway.messaging;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import io.triage.model.TicketEvent;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Turns an AMQP message body into a {@link TicketEvent}. */
@ApplicationScoped
public class TicketEventReader {

    private static final List<String> REQUIRED = List.of("type", "eventId", "occurredAt");

    private final ObjectMapper mapper;

    public TicketEventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param body the payload as the AMQP connector converted it: a String (AmqpValue), a JsonObject (Data section
     *     with content type application/json) or bytes (any other Data section)
     * @return the event, or empty when its type is unknown here, e.g. added by a newer producer
     * @throws MalformedEventException when the body is not a complete ticket event
     */
    public Optional<TicketEvent> read(Object body) {
        JsonNode tree = parse(bytesOf(body));
        for (String field : REQUIRED) {
            if (!tree.hasNonNull(field)) {
                throw new MalformedEventException("missing " + field);
            }
        }
        // every event names its ticket: in its snapshot, or directly when it carries no snapshot
        if (!tree.path("ticket").hasNonNull("id") && !tree.hasNonNull("ticketId")) {
            throw new MalformedEventException("missing ticket id");
        }
        try {
            return Optional.of(mapper.treeToValue(tree, TicketEvent.class));
        } catch (InvalidTypeIdException e) {
            return Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("unreadable event: " + describe(e));
        }
    }

    private JsonNode parse(byte[] bytes) {
        JsonNode tree;
        try {
            tree = mapper.readTree(bytes);
        } catch (IOException e) {
            throw new MalformedEventException("not JSON: " + describe(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedEventException("not a JSON object");
        }
        return tree;
    }

    private static byte[] bytesOf(Object body) {
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof JsonObject json) {
            return json.toBuffer().getBytes();
        }
        if (body instanceof io.vertx.core.buffer.Buffer buffer) {
            return buffer.getBytes();
        }
        if (body instanceof io.vertx.mutiny.core.buffer.Buffer buffer) {
            return buffer.getBytes();
        }
        throw new MalformedEventException(
                "unsupported body " + (body == null ? "null" : body.getClass().getSimpleName()));
    }

    /** Where parsing failed, never what was there: Jackson's own messages quote the offending input. */
    private static String describe(Exception e) {
        StringBuilder description = new StringBuilder(e.getClass().getSimpleName());
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            description.append(" at ").append(mapping.getPathReference());
        } else if (e instanceof JsonProcessingException processing && processing.getLocation() != null) {
            JsonLocation location = processing.getLocation();
            description
                    .append(" at line ")
                    .append(location.getLineNr())
                    .append(", column ")
                    .append(location.getColumnNr());
        }
        return description.toString();
    }
}
