package io.triage.ticket.problem;

import java.util.List;

/** A failure the client caused and can act on; becomes a problem+json response with this status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    /** @param errors the fields at fault, for input that failed validation */
    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** A 400 for one invalid field, shaped like the bean-validation failures. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(
                400,
                "validation",
                "Invalid request",
                "Field '" + field + "' " + message + ".",
                List.of(new Problem.FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
