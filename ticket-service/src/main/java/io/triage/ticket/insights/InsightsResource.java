package io.triage.ticket.insights;

import io.smallrye.mutiny.Uni;
import io.triage.ticket.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

// Runs to completion when the client disconnects: see TicketResource.
@Cancellable(false)
@Path("/api/insights")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Insights")
@SecurityRequirement(name = "oidc")
public class InsightsResource {

    /** A year and a leap day: enough for year-on-year views, small enough to stay a cheap range scan. */
    static final Duration MAX_SPAN = Duration.ofDays(366);

    static final int DEFAULT_DAYS = 14;

    private final InsightsService insights;
    private final Clock clock;

    public InsightsResource(InsightsService insights, Clock clock) {
        this.insights = insights;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({"agent", "admin"})
    @Operation(
            summary = "Triage volume, speed, accuracy, LLM usage and draft acceptance over a window",
            description = "Counts by UTC day, oldest first, every day present. Without from, the window starts at"
                    + " midnight UTC 14 days before to; without to, it ends now.")
    @APIResponse(responseCode = "200", description = "The figures of the window [from, to)")
    @APIResponse(responseCode = "400", description = "Unreadable instant, from not before to, or over 366 days")
    public Uni<Insights> get(
            @QueryParam("from") @Parameter(description = "Start (inclusive), ISO-8601 instant") String from,
            @QueryParam("to") @Parameter(description = "End (exclusive), ISO-8601 instant") String to) {
        Instant end = to == null ? clock.instant().truncatedTo(ChronoUnit.MILLIS) : instant("to", to);
        Instant start = from == null
                ? end.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DEFAULT_DAYS))
                : instant("from", from);
        if (!start.isBefore(end)) {
            throw ProblemException.invalidField("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw ProblemException.invalidField("to", "must be at most 366 days after from");
        }
        return insights.insights(start, end);
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 instant such as 2026-11-11T00:00:00Z");
        }
    }
}
