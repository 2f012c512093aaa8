package io.triage.ticket.taxonomy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The replaceable part of a category: everything but its name. */
public record CategoryUpdate(
        @NotBlank @Size(max = 1000) String description,
        @NotBlank @Size(max = 100) String team,
        @NotNull Boolean active) {}
