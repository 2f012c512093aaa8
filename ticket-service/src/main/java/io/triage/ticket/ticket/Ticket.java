package io.triage.ticket.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.triage.model.Channel;
import io.triage.model.Priority;
import io.triage.model.TicketSnapshot;
import io.triage.model.TicketStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    @Id
    public UUID id;

    public String subject;

    public String body;

    @Column(name = "requester_name")
    public String requesterName;

    @Column(name = "requester_email")
    public String requesterEmail;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(name = "external_ref")
    public String externalRef;

    public String language;

    // Read as text and written through a text cast: the reactive driver would otherwise hand back a JsonObject
    // and bind a String as a JSON string.
    @Convert(converter = MetadataConverter.class)
    @ColumnTransformer(read = "metadata::text", write = "cast(? as text)::jsonb")
    public Map<String, String> metadata = Map.of();

    /** The authenticated principal that submitted the ticket: a user name or a service account. */
    @Column(name = "client_id")
    public String clientId;

    @Enumerated(EnumType.STRING)
    public TicketStatus status;

    public String category;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    public String team;

    public String summary;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "triaged_at")
    public Instant triagedAt;

    public String assignee;

    // The SLA trigger derives the due times from the priority: Hibernate must never write them back.
    @Column(name = "first_response_due_at", insertable = false, updatable = false)
    public Instant firstResponseDueAt;

    @Column(name = "resolution_due_at", insertable = false, updatable = false)
    public Instant resolutionDueAt;

    @Column(name = "first_responded_at")
    public Instant firstRespondedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public TicketSnapshot snapshot() {
        return new TicketSnapshot(id, subject, status, channel, category, priority, team, createdAt, updatedAt);
    }
}
