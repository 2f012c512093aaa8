package io.triage.ticket.ticket;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.triage.model.TicketStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@SecurityRequirement(name = "oidc")
public class TicketResource {

    private final TicketService tickets;
    private final SecurityIdentity identity;

    public TicketResource(TicketService tickets, SecurityIdentity identity) {
        this.tickets = tickets;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"agent", "admin", "integration"})
    @Operation(summary = "Open a ticket", description = "Stores the ticket and queues it for triage in the background.")
    @APIResponse(responseCode = "202", description = "Accepted; triage follows asynchronously")
    @APIResponse(responseCode = "400", description = "Invalid ticket (problem+json with field errors)")
    @APIResponse(responseCode = "409", description = "A different ticket already has this externalRef")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public Uni<RestResponse<TicketView>> create(
            @NotNull @Valid NewTicket request,
            @RestHeader("Idempotency-Key")
                    @Size(min = 1, max = 200)
                    @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
                    @Parameter(description = "Makes retries safe: the same key returns the ticket it first created")
                    String idempotencyKey,
            UriInfo uri) {
        return tickets.submit(request, identity.getPrincipal().getName(), idempotencyKey)
                .map(intake -> RestResponse.ResponseBuilder.accepted(TicketView.of(intake.ticket(), null))
                        .location(uri.getAbsolutePathBuilder()
                                .path(intake.ticket().id.toString())
                                .build())
                        .header("Idempotent-Replayed", String.valueOf(intake.replayed()))
                        .build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"agent", "admin", "integration"})
    @Operation(summary = "Get a ticket with its current triage")
    @APIResponse(responseCode = "404", description = "No such ticket")
    public Uni<TicketView> get(@PathParam("id") UUID id) {
        return tickets.find(id).onItem().ifNull().failWith(() -> new NotFoundException("No ticket " + id));
    }

    @GET
    @RolesAllowed({"agent", "admin"})
    @Operation(summary = "List tickets, newest first")
    public Uni<List<TicketView>> list(
            @QueryParam("status") TicketStatus status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return tickets.newest(status, limit);
    }
}
