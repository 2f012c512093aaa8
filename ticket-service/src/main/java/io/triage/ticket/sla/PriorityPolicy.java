package io.triage.ticket.sla;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** SLA targets of one priority; the database trigger {@code ticket_sla_due} reads them when a priority is set. */
@Entity
@Table(name = "priority_policy")
public class PriorityPolicy extends PanacheEntityBase {

    @Id
    public String priority;

    @Column(name = "first_response_minutes")
    public int firstResponseMinutes;

    @Column(name = "resolution_minutes")
    public int resolutionMinutes;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
