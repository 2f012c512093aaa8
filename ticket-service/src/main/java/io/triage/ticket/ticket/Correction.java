package io.triage.ticket.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An agent overriding a value the triage chose: the training signal, and the accuracy measure per category. */
@Entity
@Table(name = "correction")
public class Correction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    /** {@code category} or {@code priority}. */
    public String field;

    @Column(name = "ai_value")
    public String aiValue;

    @Column(name = "agent_value")
    public String agentValue;

    public String agent;

    @Column(name = "created_at")
    public Instant createdAt;

    static Correction of(UUID ticketId, String field, String aiValue, String agentValue, String agent, Instant now) {
        Correction correction = new Correction();
        correction.id = UUID.randomUUID();
        correction.ticketId = ticketId;
        correction.field = field;
        correction.aiValue = aiValue;
        correction.agentValue = agentValue;
        correction.agent = agent;
        correction.createdAt = now;
        return correction;
    }
}
