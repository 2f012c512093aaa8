package io.triage.ticket.config;

import io.triage.ticket.problem.Problem;
import io.triage.ticket.ticket.TicketSettings;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks every request before it reaches a resource, so no endpoint can forget them: a JSON body larger than a
 * ticket ever needs is refused by its declared length before a byte of it is parsed (the server-wide body limit is
 * sized for imports), and a NUL character in the path or query, which PostgreSQL cannot store or compare, is bad
 * input rather than a database error.
 */
public class RequestGuards {

    private final TicketSettings settings;

    public RequestGuards(TicketSettings settings) {
        this.settings = settings;
    }

    @ServerRequestFilter(preMatching = true)
    public RestResponse<Problem> guard(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String raw = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (raw.toLowerCase(Locale.ROOT).contains("%00")) {
            return problem(
                    400,
                    "invalid-parameter",
                    "Invalid request",
                    "The path or query contains a NUL character (%00).",
                    uri.getRawPath());
        }
        if (json(request.getMediaType()) && request.getLength() > settings.maxRequestSize()) {
            return problem(
                    413,
                    "too-large",
                    "Request too large",
                    "A JSON request body may be at most " + settings.maxRequestSize() + " bytes.",
                    uri.getRawPath());
        }
        return null;
    }

    private static boolean json(MediaType type) {
        return type != null
                && (type.getSubtype().equalsIgnoreCase("json")
                        || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }

    private static RestResponse<Problem> problem(int status, String type, String title, String detail, String path) {
        Problem problem =
                new Problem("https://triage.example/problems/" + type, title, status, detail, path, List.of());
        return RestResponse.ResponseBuilder.<Problem>create(status)
                .entity(problem)
                .type(Problem.MEDIA_TYPE)
                .build();
    }
}
