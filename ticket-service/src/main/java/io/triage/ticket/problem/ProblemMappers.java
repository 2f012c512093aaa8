package io.triage.ticket.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure to problem+json: precise for bad input, opaque (with a log reference) for our own bugs. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Resource methods name their JSON body parameter this way, so it can be left out of field paths. */
    public static final String BODY_PARAMETER = "request";

    private static final String TYPE_BASE = "https://triage.example/problems/";

    @ServerExceptionMapper
    public RestResponse<Problem> validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(400, "validation", "Invalid request", "The request has invalid fields.", uri, errors);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = path(e);
        return problem(
                400,
                "validation",
                "Invalid request",
                "Unknown field '" + field + "'.",
                uri,
                List.of(new Problem.FieldError(field, "unknown field")));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidValue(InvalidFormatException e, UriInfo uri) {
        String field = path(e);
        String message = NulFreeText.hasNul(e.getValue())
                ? NulFreeText.MESSAGE
                : e.getTargetType() != null && e.getTargetType().isEnum()
                        ? "must be one of " + Arrays.toString(e.getTargetType().getEnumConstants())
                        : "has the wrong type";
        return problem(
                400,
                "validation",
                "Invalid request",
                "Field '" + field + "' " + message + ".",
                uri,
                List.of(new Problem.FieldError(field, message)));
    }

    // Quarkus ships its own mapper for MismatchedInputException; naming it here keeps the problem+json shape.
    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class})
    public RestResponse<Problem> mapping(JsonMappingException e, UriInfo uri) {
        String field = path(e);
        return problem(
                400,
                "malformed-json",
                "Malformed request body",
                field.isEmpty()
                        ? "The body does not match the expected JSON document."
                        : "Field '" + field + "' has the wrong type or shape.",
                uri,
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, "wrong type or shape")));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> malformed(JsonProcessingException e, UriInfo uri) {
        return problem(400, "malformed-json", "Malformed request body", "The body is not valid JSON.", uri, List.of());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> client(ProblemException e, UriInfo uri) {
        return problem(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "Your roles do not allow this request.", uri, List.of());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthorized(UnauthorizedException e, UriInfo uri) {
        RestResponse<Problem> response =
                problem(401, "unauthorized", "Unauthorized", "Send a valid bearer token.", uri, List.of());
        response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return response;
    }

    /** Row locks make this rare; a concurrent writer that slipped past them is the same conflict as a stale ETag. */
    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public RestResponse<Problem> stale(Exception e, UriInfo uri) {
        return problem(
                412,
                "stale-version",
                "Ticket changed meanwhile",
                "The ticket changed since you read it: read it again, and retry with its new ETag.",
                uri,
                List.of());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, UriInfo uri) {
        // JAX-RS answers 404 when a query or path parameter does not convert (limit=x, a malformed UUID); that is
        // the client's bad input, not a missing resource. Our own 404s and unmatched routes carry no cause.
        if (e instanceof NotFoundException
                && e.getCause() != null
                && !(e.getCause() instanceof WebApplicationException)) {
            return problem(
                    400,
                    "invalid-parameter",
                    "Invalid request",
                    "A path or query parameter has the wrong format (a number, UUID or value of the allowed set).",
                    uri,
                    List.of());
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = status.getStatusCode() == 404 && e.getMessage() != null ? e.getMessage() : null;
        return problem(status.getStatusCode(), slug(status), status.getReasonPhrase(), detail, uri, List.of());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Exception e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, reference %s", reference);
        return problem(
                500,
                "internal",
                "Internal error",
                "Something went wrong on our side. Reference: " + reference,
                uri,
                List.of());
    }

    private static RestResponse<Problem> problem(
            int status, String type, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem body = new Problem(TYPE_BASE + type, title, status, detail, uri.getPath(), errors);
        return RestResponse.ResponseBuilder.<Problem>create(status)
                .entity(body)
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    private static String slug(Response.StatusType status) {
        return status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    /** {@code create.request.requester.email} becomes {@code requester.email}: clients know their JSON, not our methods. */
    private static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            names.add(node.getName());
        }
        // Drop the resource method's name, and the body parameter's name: fields are named as in the JSON.
        List<String> field = names.size() > 1 ? names.subList(1, names.size()) : names;
        if (field.size() > 1 && BODY_PARAMETER.equals(field.get(0))) {
            field = field.subList(1, field.size());
        }
        return String.join(".", field);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName()
                        : String.valueOf(reference.getIndex()))
                .collect(Collectors.joining("."));
    }
}
