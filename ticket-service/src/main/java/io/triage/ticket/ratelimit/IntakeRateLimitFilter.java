package io.triage.ticket.ratelimit;

import io.quarkus.security.identity.SecurityIdentity;
import io.triage.ticket.problem.Problem;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Limits ticket submissions per authenticated client before the resource method runs: a client over its rate
 * costs a map lookup, not a transaction. Anonymous requests pass through, to be refused with 401.
 */
public class IntakeRateLimitFilter {

    static final String INTAKE_PATH = "/api/tickets";

    private final IntakeRateLimiter limiter;
    private final RateLimitSettings settings;
    private final SecurityIdentity identity;

    public IntakeRateLimitFilter(IntakeRateLimiter limiter, RateLimitSettings settings, SecurityIdentity identity) {
        this.limiter = limiter;
        this.settings = settings;
        this.identity = identity;
    }

    @ServerRequestFilter
    public RestResponse<Problem> limit(ContainerRequestContext request) {
        if (!settings.enabled()
                || !HttpMethod.POST.equals(request.getMethod())
                || !isIntake(request.getUriInfo().getPath())
                || identity.isAnonymous()) {
            return null;
        }
        long wait = limiter.acquire(identity.getPrincipal().getName());
        if (wait == 0) {
            return null;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + TimeUnit.SECONDS.toNanos(1) - 1));
        Problem problem = new Problem(
                "https://triage.example/problems/rate-limited",
                "Too many tickets",
                429,
                "This client submits tickets faster than its limit of " + settings.perSecond()
                        + " per second (bursts of " + settings.burst() + "). Retry after " + seconds + " s.",
                request.getUriInfo().getPath(),
                List.of());
        return RestResponse.ResponseBuilder.<Problem>create(429)
                .entity(problem)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", seconds)
                .build();
    }

    private static boolean isIntake(String path) {
        return path.equals(INTAKE_PATH) || path.equals(INTAKE_PATH + "/");
    }
}
