package io.triage.ticket.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A row of the transactional outbox; written with the state change, published later by {@link OutboxRelay}. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id")
    public UUID eventId;

    public String address;

    public String type;

    @Column(name = "ticket_id")
    public UUID ticketId;

    // Bound as text and cast by PostgreSQL: bound straight to jsonb, the reactive client would store a JSON string.
    @ColumnTransformer(write = "cast(? as text)::jsonb")
    public String payload;
}
