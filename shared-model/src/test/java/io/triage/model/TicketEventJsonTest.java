package io.triage.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TicketEventJsonTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final TicketSnapshot TICKET = new TicketSnapshot(
            UUID.fromString("5b0f3c1e-8d2a-4f4e-9a51-0c7d3e2f1a10"),
            "Card declined at checkout",
            TicketStatus.TRIAGED,
            Channel.WEB,
            "billing",
            Priority.HIGH,
            "payments",
            NOW.minusSeconds(60),
            NOW);

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Stream<TicketEvent> events() {
        return Stream.of(
                TicketCreated.of(TICKET, NOW),
                TicketTriaged.of(
                        TICKET,
                        new TriageOutcome(
                                "billing",
                                0.91,
                                Priority.HIGH,
                                0.77,
                                "Card declined",
                                "knn-v1",
                                "local",
                                "negative",
                                "en"),
                        NOW),
                TicketTriageFailed.of(TICKET, "language model unavailable", 5, NOW),
                TicketUpdated.of(TICKET, List.of("category", "priority"), "agent", NOW),
                TriageRequested.of(TICKET.id(), TriageRequested.REASON_CREATED, NOW));
    }

    @ParameterizedTest
    @MethodSource("events")
    void roundTripsThroughJsonAsTheSameEvent(TicketEvent event) throws Exception {
        String json = mapper.writerFor(TicketEvent.class).writeValueAsString(event);

        TicketEvent parsed = mapper.readValue(json, TicketEvent.class);

        assertThat(parsed).isEqualTo(event).isInstanceOf(event.getClass());
    }

    @ParameterizedTest
    @MethodSource("events")
    void carriesTypeVersionIdAndTimestampInTheJson(TicketEvent event) throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(event));

        assertThat(json.get("type").asText()).isEqualTo(event.type());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("eventId").asText()).isEqualTo(event.eventId().toString());
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-11-25T10:15:30.123Z");
    }

    @Test
    void readsAVersionOneDocumentWithFieldsAddedByANewerProducer() throws Exception {
        String json = """
                {"type":"ticket.triage-failed","eventId":"0d1b2c3a-0000-4000-8000-000000000001","schemaVersion":1,
                 "occurredAt":"2026-11-25T10:15:30Z","reason":"timeout","attempts":5,"addedLater":{"x":1},
                 "ticket":{"id":"5b0f3c1e-8d2a-4f4e-9a51-0c7d3e2f1a10","subject":"s","status":"TRIAGE_FAILED",
                           "channel":"API","createdAt":"2026-11-25T10:00:00Z","updatedAt":"2026-11-25T10:15:30Z"}}
                """;

        TicketEvent parsed = mapper.readValue(json, TicketEvent.class);

        assertThat(parsed).isInstanceOf(TicketTriageFailed.class);
        TicketTriageFailed failed = (TicketTriageFailed) parsed;
        assertThat(failed.ticketId()).isEqualTo(TICKET.id());
        assertThat(failed.ticket().status()).isEqualTo(TicketStatus.TRIAGE_FAILED);
        assertThat(failed.attempts()).isEqualTo(5);
    }

    @Test
    void readsATriagedEventWrittenBeforeSentimentAndLanguageExisted() throws Exception {
        String json = """
                {"type":"ticket.triaged","eventId":"0d1b2c3a-0000-4000-8000-000000000002","schemaVersion":1,
                 "occurredAt":"2026-11-25T10:15:30Z",
                 "ticket":{"id":"5b0f3c1e-8d2a-4f4e-9a51-0c7d3e2f1a10","subject":"s","status":"TRIAGED",
                           "channel":"API","createdAt":"2026-11-25T10:00:00Z","updatedAt":"2026-11-25T10:15:30Z"},
                 "triage":{"category":"billing","categoryConfidence":0.9,"priority":"HIGH","priorityConfidence":0.8,
                           "summary":"s","model":"m","source":"local"}}
                """;

        TicketTriaged parsed = (TicketTriaged) mapper.readValue(json, TicketEvent.class);

        assertThat(parsed.triage()).isEqualTo(new TriageOutcome("billing", 0.9, Priority.HIGH, 0.8, "s", "m", "local"));
        assertThat(parsed.triage().sentiment()).isNull();
        assertThat(parsed.triage().language()).isNull();
    }

    @Test
    void everyEventTypeIsDistinct() {
        assertThat(events().map(TicketEvent::type)).doesNotHaveDuplicates().hasSize(5);
    }
}
