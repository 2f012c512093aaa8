package io.triage.worker.triage;

import io.triage.model.TicketStatus;
import io.triage.worker.classifier.TicketText;
import java.util.UUID;

/** The part of a stored ticket the worker reads before classifying. */
public record StoredTicket(UUID id, TicketText text, TicketStatus status) {

    public boolean isPendingTriage() {
        return status == TicketStatus.PENDING_TRIAGE;
    }
}
