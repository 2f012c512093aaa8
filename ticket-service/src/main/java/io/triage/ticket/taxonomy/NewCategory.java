package io.triage.ticket.taxonomy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param name stable identifier stored on tickets and training examples, so it cannot be renamed later
 * @param description what belongs here, in words: the language model reads it to classify
 * @param active whether triage may choose it; {@code null} means active
 */
public record NewCategory(
        @NotNull @Size(min = 1, max = 100) @Pattern(regexp = Category.NAME_PATTERN, message = Category.NAME_RULE)
        String name,

        @NotBlank @Size(max = 1000) String description,
        @NotBlank @Size(max = 100) String team,
        Boolean active) {}
