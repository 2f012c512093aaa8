package io.triage.ticket.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.triage.model.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
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

    public String rationale;

    public String sentiment;

    public String language;

    @Column(name = "prompt_version")
    public String promptVersion;

    // Read as text and parsed by the view: the worker owns the JSON's shape, this service only passes it on.
    @Column(name = "field_outcomes")
    @ColumnTransformer(read = "cast(field_outcomes as text)")
    public String fieldOutcomes;

    @Column(name = "prompt_tokens")
    public Integer promptTokens;

    @Column(name = "completion_tokens")
    public Integer completionTokens;

    @Column(name = "cost_usd")
    public BigDecimal costUsd;
}
