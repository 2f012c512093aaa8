package io.triage.ticket.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.triage.model.Priority;
import io.triage.model.TicketStatus;
import io.triage.ticket.problem.NulFreeText;
import io.triage.ticket.problem.Problem;
import io.triage.ticket.problem.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A JSON merge patch (RFC 7396) of a ticket's workable fields. A member left out is unchanged; {@code assignee: null}
 * unassigns; the other fields cannot be unset.
 *
 * @param assigneeSet whether the patch names the assignee (possibly null, to unassign)
 */
public record TicketPatch(
        String category, Priority priority, TicketStatus status, String assignee, boolean assigneeSet) {

    private static final Set<String> FIELDS = Set.of("category", "priority", "status", "assignee");

    /** The document's shape, for the OpenAPI description only: parsing is by hand to honour merge-patch nulls. */
    @Schema(name = "TicketPatch", description = "Members left out stay unchanged; assignee null unassigns")
    public record Document(
            @Schema(examples = "shipping", maxLength = 100) String category,
            @Schema(examples = "URGENT") Priority priority,
            @Schema(examples = "IN_PROGRESS") TicketStatus status,

            @Schema(examples = "alice", maxLength = 200, nullable = true)
            String assignee) {}

    /** @throws ProblemException 400 listing every invalid member */
    static TicketPatch parse(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw ProblemException.invalidField("", "must be a JSON object");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> members = document.fields(); members.hasNext(); ) {
            String name = members.next().getKey();
            if (!FIELDS.contains(name)) {
                errors.add(new Problem.FieldError(name, "unknown field"));
            }
        }
        String category = text(document, "category", 100, false, errors);
        String priority = text(document, "priority", 16, false, errors);
        String status = text(document, "status", 32, false, errors);
        String assignee = text(document, "assignee", 200, true, errors);
        Priority parsedPriority = parse(Priority.class, "priority", priority, errors);
        TicketStatus parsedStatus = parse(TicketStatus.class, "status", status, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request", "The patch has invalid fields.", errors);
        }
        return new TicketPatch(category, parsedPriority, parsedStatus, assignee, document.has("assignee"));
    }

    private static String text(
            JsonNode document, String field, int maxLength, boolean nullable, List<Problem.FieldError> errors) {
        JsonNode value = document.get(field);
        if (value == null || (nullable && value.isNull())) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            errors.add(new Problem.FieldError(
                    field, nullable ? "must be a non-blank string or null" : "must be a non-blank string"));
            return null;
        }
        if (value.asText().indexOf('\0') >= 0) {
            errors.add(new Problem.FieldError(field, NulFreeText.MESSAGE));
            return null;
        }
        if (value.asText().length() > maxLength) {
            errors.add(new Problem.FieldError(field, "size must be between 1 and " + maxLength));
            return null;
        }
        return value.asText().strip();
    }

    private static <E extends Enum<E>> E parse(
            Class<E> type, String field, String value, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        errors.add(new Problem.FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
        return null;
    }
}
