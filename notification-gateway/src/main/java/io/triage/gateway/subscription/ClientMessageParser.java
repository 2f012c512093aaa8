package io.triage.gateway.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triage.model.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads client messages from a JSON tree rather than by data binding, so that every problem gets a precise error
 * code and no client-controlled type or field name ever reaches Jackson's polymorphism.
 */
@ApplicationScoped
public class ClientMessageParser {

    /** The error code for text that is not a JSON object with a string {@code type}. */
    public static final String MALFORMED = "malformed-message";

    public static final String UNKNOWN_TYPE = "unknown-type";

    public static final String INVALID_FIELD = "invalid-field";

    static final int MAX_VALUES = 100;

    static final int MAX_VALUE_LENGTH = 100;

    private final ObjectMapper mapper;

    public ClientMessageParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws InvalidClientMessageException when the text is not a valid client message */
    public ClientMessage parse(String text) {
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidClientMessageException(MALFORMED, "not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidClientMessageException(MALFORMED, "not a JSON object");
        }
        JsonNode type = tree.get("type");
        if (type == null || !type.isTextual()) {
            throw new InvalidClientMessageException(MALFORMED, "missing string field type");
        }
        return switch (type.asText()) {
            case "subscribe" -> new ClientMessage.Subscribe(subscription(tree));
            case "ping" -> new ClientMessage.Ping();
            default -> throw new InvalidClientMessageException(UNKNOWN_TYPE, "type must be one of subscribe, ping");
        };
    }

    private static Subscription subscription(JsonNode tree) {
        return new Subscription(
                values(tree, "teams", Function.identity()),
                values(tree, "categories", Function.identity()),
                values(tree, "priorities", ClientMessageParser::priority),
                ticketId(tree.get("ticketId")));
    }

    private static <T> Set<T> values(JsonNode tree, String field, Function<String, T> convert) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            return Set.of();
        }
        if (!node.isArray()) {
            throw new InvalidClientMessageException(INVALID_FIELD, field + " must be an array of strings");
        }
        if (node.size() > MAX_VALUES) {
            throw new InvalidClientMessageException(
                    INVALID_FIELD, field + " must have at most " + MAX_VALUES + " entries");
        }
        Set<T> values = new HashSet<>();
        for (JsonNode value : node) {
            if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > MAX_VALUE_LENGTH) {
                throw new InvalidClientMessageException(
                        INVALID_FIELD,
                        field + " must hold non-blank strings of at most " + MAX_VALUE_LENGTH + " characters");
            }
            values.add(convert.apply(value.asText()));
        }
        return values;
    }

    private static Priority priority(String value) {
        try {
            return Priority.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidClientMessageException(
                    INVALID_FIELD, "priorities must be among " + Arrays.toString(Priority.values()));
        }
    }

    private static UUID ticketId(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            if (node.isTextual()) {
                return UUID.fromString(node.asText());
            }
        } catch (IllegalArgumentException e) {
            // reported below, without echoing the value
        }
        throw new InvalidClientMessageException(INVALID_FIELD, "ticketId must be a ticket's UUID");
    }
}
