package io.triage.ticket.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document. Every error this service returns has this shape, with a precise {@code errors}
 * list for input that failed validation.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** @param field a JSON path into the request, e.g. {@code requester.email} */
    public record FieldError(String field, String message) {}
}
