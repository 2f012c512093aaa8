package io.triage.ticket.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.triage.model.TicketCreated;
import io.triage.model.TicketEvent;
import io.triage.model.TicketSnapshot;
import io.triage.model.TicketTriageFailed;
import io.triage.model.TicketTriaged;
import io.triage.model.TicketUpdated;
import io.triage.model.TriageOutcome;
import io.triage.model.TriageRequested;

/** Jackson reads and writes the shared event records reflectively; a native image must know them up front. */
@RegisterForReflection(
        targets = {
            TicketEvent.class,
            TicketCreated.class,
            TicketTriaged.class,
            TicketTriageFailed.class,
            TicketUpdated.class,
            TriageRequested.class,
            TicketSnapshot.class,
            TriageOutcome.class
        })
public class ReflectionConfig {}
