package io.triage.worker.triage;

import io.triage.model.TicketStatus;
import io.triage.worker.classifier.TicketText;
import java.util.UUID;

/**
 * The part of a stored ticket the worker reads before classifying.
 *
 * @param requesterName the customer's name for the draft's greeting, or {@code null}; personal data, never logged
 */
public record StoredTicket(UUID id, TicketText text, TicketStatus status, String requesterName) {

    @Override
    public String toString() {
        return "StoredTicket[id=" + id + ", status=" + status + "]";
    }

    public boolean isPendingTriage() {
        return status == TicketStatus.PENDING_TRIAGE;
    }
}
