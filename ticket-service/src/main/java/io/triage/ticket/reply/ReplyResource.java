package io.triage.ticket.reply;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

// Runs to completion when the client disconnects: see TicketResource.
@Cancellable(false)
@Path("/api/tickets/{id}/replies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", description = "Missing, expired or foreign bearer token")
@APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
public class ReplyResource {

    private final ReplyService replies;
    private final SecurityIdentity identity;

    public ReplyResource(ReplyService replies, SecurityIdentity identity) {
        this.replies = replies;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"agent", "admin"})
    @Operation(
            summary = "Reply to the requester",
            description = "Stores the reply and whether it is the AI draft unchanged, an edited draft or written"
                    + " from scratch. The first reply ends the first-response SLA.")
    @APIResponse(
            responseCode = "201",
            description = "The stored reply",
            content = @Content(schema = @Schema(implementation = ReplyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid reply")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "The ticket is closed")
    @APIResponse(responseCode = "422", description = "startedFrom AI_DRAFT but the triage drafted no reply")
    public Uni<RestResponse<ReplyView>> reply(@PathParam("id") UUID id, @NotNull @Valid NewReply request, UriInfo uri) {
        return replies.reply(id, request, identity.getPrincipal().getName())
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("No ticket " + id))
                .map(reply -> RestResponse.ResponseBuilder.<ReplyView>created(uri.getBaseUriBuilder()
                                .path("api/tickets")
                                .path(id.toString())
                                .build())
                        .entity(reply)
                        .build());
    }
}
