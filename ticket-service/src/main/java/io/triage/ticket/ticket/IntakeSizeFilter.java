package io.triage.ticket.ticket;

import io.triage.ticket.problem.Problem;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A ticket is a few kilobytes; the server-wide body limit is sized for imports. Refusing an oversized ticket by
 * its declared length answers 413 before a byte of it is parsed.
 */
public class IntakeSizeFilter {

    private final TicketSettings settings;

    public IntakeSizeFilter(TicketSettings settings) {
        this.settings = settings;
    }

    @ServerRequestFilter(preMatching = true)
    public RestResponse<Problem> limit(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())
                || !isIntake(request.getUriInfo().getPath())) {
            return null;
        }
        long length = request.getLength();
        if (length <= settings.maxRequestSize()) {
            return null;
        }
        Problem problem = new Problem(
                "https://triage.example/problems/too-large",
                "Request too large",
                413,
                "A ticket submission may be at most " + settings.maxRequestSize() + " bytes.",
                request.getUriInfo().getPath(),
                List.of());
        return RestResponse.ResponseBuilder.<Problem>create(413)
                .entity(problem)
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    private static boolean isIntake(String path) {
        return path.equals("/api/tickets") || path.equals("/api/tickets/");
    }
}
