package io.triage.gateway.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** Serializes protocol messages with the application's ObjectMapper (ISO-8601 timestamps). */
@ApplicationScoped
public class ProtocolWriter {

    private final ObjectMapper mapper;

    public ProtocolWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot serialize " + message.getClass().getSimpleName(), e);
        }
    }
}
