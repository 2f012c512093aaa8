package io.triage.ticket.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.triage.model.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A triage result written by the triage worker; read-only here. */
@Entity
@Immutable
@Table(name = "triage")
public class Triage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    public String category;

    @Column(name = "category_confidence")
    public Double categoryConfidence;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    @Column(name = "priority_confidence")
    public Double priorityConfidence;

    public String summary;

    @Column(name = "draft_reply")
    public String draftReply;

    public String model;

    public String source;

    @Column(name = "latency_ms")
    public int latencyMs;

    @Column(name = "created_at")
    public Instant createdAt;
}
