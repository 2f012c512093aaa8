package io.triage.ticket.sla;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Targets in minutes from the ticket's creation; at most a year, which no support promise exceeds. */
public record PriorityPolicyUpdate(
        @NotNull @Min(1) @Max(525_600) Integer firstResponseMinutes,
        @NotNull @Min(1) @Max(525_600) Integer resolutionMinutes) {}
