package io.triage.ticket.sla;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

// Runs to completion when the client disconnects: see TicketResource.
@Cancellable(false)
@Path("/api/admin/priorities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@SecurityRequirement(name = "oidc")
public class PriorityPolicyResource {

    private final PriorityPolicyService policies;

    public PriorityPolicyResource(PriorityPolicyService policies) {
        this.policies = policies;
    }

    @GET
    @RolesAllowed({"agent", "admin"})
    @Operation(summary = "SLA targets per priority, most urgent first")
    public Uni<List<PriorityPolicyView>> list() {
        return policies.list();
    }

    @PUT
    @Path("/{priority}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(
            summary = "Set a priority's SLA targets",
            description = "Applies to tickets whose priority is set from now on; due times already set are kept.")
    @APIResponse(responseCode = "400", description = "Invalid targets (problem+json with field errors)")
    @APIResponse(responseCode = "404", description = "No such priority")
    public Uni<PriorityPolicyView> update(
            @PathParam("priority") String priority, @NotNull @Valid PriorityPolicyUpdate request) {
        return policies.update(priority, request)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("No priority '" + priority + "'."));
    }
}
