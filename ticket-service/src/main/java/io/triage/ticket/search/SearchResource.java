package io.triage.ticket.search;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Semantic search. Agents and admins only: results span every client's tickets. */
// Runs to completion when the client disconnects: see TicketResource.
@Cancellable(false)
@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", description = "Missing, expired or foreign bearer token")
@APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
public class SearchResource {

    private final SimilarTickets similar;
    private final TextEmbedder embedder;

    public SearchResource(SimilarTickets similar, TextEmbedder embedder) {
        this.similar = similar;
        this.embedder = embedder;
    }

    @GET
    @Path("/{id}/similar")
    @RolesAllowed({"agent", "admin"})
    @Operation(
            summary = "Tickets similar to a ticket",
            description = "Nearest in meaning (cosine similarity of sentence embeddings); empty until the ticket has"
                    + " been embedded by triage.")
    @APIResponse(
            responseCode = "200",
            description = "Most similar first",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            implementation = SimilarTicket.class,
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .ARRAY)))
    @APIResponse(responseCode = "404", description = "No such ticket")
    public Uni<List<SimilarTicket>> similar(
            @PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) @Parameter(description = "1 to 50") int limit) {
        return similar.similarTo(id, limit).onItem().ifNull().failWith(() -> new NotFoundException("No ticket " + id));
    }

    @GET
    @Path("/search")
    @RolesAllowed({"agent", "admin"})
    @Operation(
            summary = "Search tickets by meaning",
            description = "Embeds the text with the triage model's embedding model and returns the nearest tickets.")
    @APIResponse(
            responseCode = "200",
            description = "Most similar first",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            implementation = SimilarTicket.class,
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .ARRAY)))
    @APIResponse(responseCode = "400", description = "Missing or too long text")
    public Uni<List<SimilarTicket>> search(
            @QueryParam("text")
                    @NotBlank
                    @Size(max = 2000)
                    @Parameter(description = "What the tickets should be about", example = "my card was refused")
                    String text,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) @Parameter(description = "1 to 50") int limit) {
        return embedder.embed(text).chain(vector -> similar.nearestTo(vector, limit));
    }
}
