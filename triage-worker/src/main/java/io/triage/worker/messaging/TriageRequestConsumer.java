package io.triage.worker.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.amqp.IncomingAmqpMetadata;
import io.triage.model.Addresses;
import io.triage.model.TicketEvent;
import io.triage.model.TriageRequested;
import io.triage.worker.common.Failures;
import io.triage.worker.config.TriageConfig;
import io.triage.worker.triage.TriageMetrics;
import io.triage.worker.triage.TriageResult;
import io.triage.worker.triage.TriageService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes triage requests from the shared work queue. A failed attempt is nacked (modified, delivery failed) so
 * that the broker redelivers it and counts the attempt; on the last attempt the ticket is marked TRIAGE_FAILED
 * instead, so no ticket waits in PENDING_TRIAGE forever. Requests that cannot be read are nacked every time and end
 * in the dead-letter queue.
 */
@ApplicationScoped
public class TriageRequestConsumer {

    private static final Logger LOG = Logger.getLogger(TriageRequestConsumer.class);

    private final TriageService triage;
    private final TriageMetrics metrics;
    private final ObjectMapper mapper;
    private final int maxAttempts;

    public TriageRequestConsumer(
            TriageService triage, TriageMetrics metrics, ObjectMapper mapper, TriageConfig config) {
        this.triage = triage;
        this.metrics = metrics;
        this.mapper = mapper;
        this.maxAttempts = config.maxDeliveryAttempts();
    }

    // The connector hands over a String for an AMQP string value, a JsonObject for a data section typed
    // application/json and bytes for other data sections: all three are accepted.
    @Incoming(Addresses.TRIAGE_REQUESTS)
    public Uni<Void> consume(Message<Object> message) {
        int attempt = attempt(message);
        return Uni.createFrom()
                .item(() -> read(message.getPayload()))
                .onFailure()
                .invoke(failure -> reject(failure, attempt))
                .chain(request -> handle(request, attempt))
                .onItemOrFailure()
                .transformToUni((result, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : Uni.createFrom().completionStage(message.nack(failure)));
    }

    private Uni<TriageResult> handle(TriageRequested request, int attempt) {
        return triage.triage(request)
                .onFailure()
                .recoverWithUni(failure ->
                        attempt >= maxAttempts ? giveUp(request, failure, attempt) : retry(request, failure, attempt))
                .invoke(result -> {
                    metrics.handled(result);
                    LOG.debugf("Triage request %s for ticket %s: %s", request.eventId(), request.ticketId(), result);
                });
    }

    private Uni<TriageResult> retry(TriageRequested request, Throwable failure, int attempt) {
        metrics.retried();
        LOG.warnf(
                "Triage of ticket %s failed on attempt %d of %d, the broker will redeliver: %s",
                request.ticketId(), attempt, maxAttempts, Failures.describe(failure));
        return Uni.createFrom().failure(failure);
    }

    private Uni<TriageResult> giveUp(TriageRequested request, Throwable failure, int attempt) {
        String reason = "Triage failed after " + attempt + " attempts: " + Failures.describe(failure);
        LOG.errorf("Giving up on ticket %s, marking it TRIAGE_FAILED. %s", request.ticketId(), reason);
        return triage.giveUp(request, reason, attempt);
    }

    private void reject(Throwable failure, int attempt) {
        metrics.rejected();
        LOG.errorf(
                "Unreadable triage request on attempt %d of %d, the broker dead-letters it after the last: %s",
                attempt, maxAttempts, Failures.describe(failure));
    }

    private TriageRequested read(Object payload) {
        String json = text(payload);
        TicketEvent event;
        try {
            event = mapper.readValue(json, TicketEvent.class);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input; the original message names only the problem.
            throw new UnreadableRequestException("not a ticket event: " + e.getOriginalMessage());
        }
        if (!(event instanceof TriageRequested request)) {
            throw new UnreadableRequestException("expected " + TriageRequested.TYPE + " but got " + event.type());
        }
        if (request.ticketId() == null || request.eventId() == null) {
            throw new UnreadableRequestException("triage request without ticketId or eventId");
        }
        return request;
    }

    private static String text(Object payload) {
        if (payload instanceof String string) {
            return string;
        }
        if (payload instanceof JsonObject json) {
            return json.encode();
        }
        if (payload instanceof JsonArray json) {
            return json.encode();
        }
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        throw new UnreadableRequestException("unsupported message body "
                + (payload == null ? "null" : payload.getClass().getSimpleName()));
    }

    /** 1 for the first delivery: the AMQP header counts earlier failed deliveries. */
    private static int attempt(Message<?> message) {
        return message.getMetadata(IncomingAmqpMetadata.class)
                        .map(IncomingAmqpMetadata::getDeliveryCount)
                        .orElse(0)
                + 1;
    }
}
