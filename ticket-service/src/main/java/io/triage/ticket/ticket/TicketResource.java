package io.triage.ticket.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.triage.model.Priority;
import io.triage.model.TicketStatus;
import io.triage.ticket.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

// Quarkus REST cancels a request's Uni when its client disconnects; cancelled half-way, a Hibernate Reactive
// transaction rolls back noisily or keeps its connection (quarkusio/quarkus#51576). Requests that reached us run to
// completion instead, so a client's retry with its Idempotency-Key finds the outcome (ClientDisconnectTest).
@Cancellable(false)
@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", description = "Missing, expired or foreign bearer token")
@APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
public class TicketResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final TicketService tickets;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    public TicketResource(TicketService tickets, SecurityIdentity identity, ObjectMapper mapper) {
        this.tickets = tickets;
        this.identity = identity;
        this.mapper = mapper;
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
                .map(intake -> RestResponse.ResponseBuilder.accepted(tickets.view(intake.ticket()))
                        .location(uri.getAbsolutePathBuilder()
                                .path(intake.ticket().id.toString())
                                .build())
                        .header("Idempotent-Replayed", String.valueOf(intake.replayed()))
                        .build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"agent", "admin", "integration"})
    @Operation(
            summary = "Get a ticket",
            description = "The ticket with its current triage, triage history, replies, corrections, audit trail and"
                    + " SLA state. Integration clients see only tickets they submitted.")
    @APIResponse(
            responseCode = "200",
            description = "The ticket; the ETag header is its version, for If-Match on PATCH",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket (or not one of the caller's)")
    public Uni<RestResponse<TicketView>> get(@PathParam("id") UUID id) {
        return tickets.find(id, visibleTo())
                .onItem()
                .ifNull()
                .failWith(() -> notFound(id))
                .map(TicketResource::withETag);
    }

    @GET
    @RolesAllowed({"agent", "admin", "integration"})
    @Operation(
            summary = "List tickets",
            description = "Filtered, most urgent first (priority, then first-response due time) or newest first, one"
                    + " page at a time. Pass nextCursor back as cursor for the next page: pages stay stable while"
                    + " tickets arrive. Integration clients see only tickets they submitted.")
    @APIResponse(
            responseCode = "200",
            description = "One page of tickets",
            content = @Content(schema = @Schema(implementation = TicketPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter or cursor")
    public Uni<TicketPage> list(
            @QueryParam("status") @Parameter(description = "Repeat for several", example = "TRIAGED")
                    List<String> status,
            @QueryParam("category") @Parameter(description = "Repeat for several", example = "billing")
                    List<String> category,
            @QueryParam("priority") @Parameter(description = "Repeat for several", example = "URGENT")
                    List<String> priority,
            @QueryParam("team") @Parameter(description = "Repeat for several", example = "payments") List<String> team,
            @QueryParam("assignee") @Size(max = 200) @Parameter(example = "alice") String assignee,
            @QueryParam("sla")
                    @Pattern(regexp = "due-soon|breached", message = "must be due-soon or breached")
                    @Parameter(
                            description =
                                    "due-soon: first response due within the configured window and nobody replied; breached: overdue")
                    String sla,
            @QueryParam("createdFrom") @Parameter(description = "Inclusive, ISO-8601", example = "2026-01-01T00:00:00Z")
                    String createdFrom,
            @QueryParam("createdTo") @Parameter(description = "Exclusive, ISO-8601", example = "2026-02-01T00:00:00Z")
                    String createdTo,
            @QueryParam("updatedSince")
                    @Parameter(
                            description =
                                    "Inclusive, ISO-8601: tickets changed since then (resync after a WebSocket gap)",
                            example = "2026-11-25T10:15:27Z")
                    String updatedSince,
            @QueryParam("q")
                    @Size(max = 500)
                    @Parameter(
                            description =
                                    "Full-text query over subject and body; web-search syntax (\"quoted phrase\", -not, or)",
                            example = "card declined")
                    String q,
            @QueryParam("sort")
                    @Pattern(regexp = "urgent|newest", message = "must be urgent or newest")
                    @Parameter(description = "urgent (default) or newest")
                    String sort,
            @QueryParam("cursor") @Size(max = 500) @Parameter(description = "nextCursor of the previous page")
                    String cursor,
            @QueryParam("limit") @Min(1) @Max(200) @Parameter(description = "Page size, 1 to 200") Integer limit) {
        TicketFilter filter = new TicketFilter(
                parseAll(TicketStatus.class, "status", status),
                clean(category),
                parseAll(Priority.class, "priority", priority),
                clean(team),
                blankToNull(assignee),
                sla,
                instant("createdFrom", createdFrom),
                instant("createdTo", createdTo),
                blankToNull(q),
                instant("updatedSince", updatedSince),
                visibleTo());
        TicketSort order = "newest".equals(sort) ? TicketSort.NEWEST : TicketSort.URGENT;
        return tickets.list(filter, order, blankToNull(cursor), limit);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({"agent", "admin"})
    @Operation(
            summary = "Work a ticket",
            description = "Changes category (the team follows), priority, assignee or status as a JSON merge patch."
                    + " Requires If-Match with the ETag last read. Overriding the AI's category or priority records a"
                    + " correction the triage model learns from.")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MERGE_PATCH,
                        schema = @Schema(implementation = TicketPatch.Document.class),
                        examples =
                                @ExampleObject(
                                        name = "reclassify",
                                        value = "{\"category\":\"shipping\",\"priority\":\"HIGH\"}")),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = TicketPatch.Document.class),
                        examples =
                                @ExampleObject(
                                        name = "take",
                                        value = "{\"status\":\"IN_PROGRESS\",\"assignee\":\"alice\"}"))
            })
    @APIResponse(
            responseCode = "200",
            description = "The updated ticket with its new ETag",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "400", description = "Invalid patch")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "Invalid status transition")
    @APIResponse(responseCode = "412", description = "The ticket changed since the ETag was read")
    @APIResponse(responseCode = "422", description = "Unknown or inactive category")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Uni<RestResponse<TicketView>> update(
            @PathParam("id") UUID id,
            @RestHeader("If-Match")
                    @Parameter(
                            description = "The ETag of the version the change is based on",
                            required = true,
                            example = "\"3\"")
                    String ifMatch,
            byte[] request)
            throws IOException {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    428,
                    "precondition-required",
                    "If-Match required",
                    "Send If-Match with the ETag you last read, so that concurrent changes are not lost.");
        }
        // Parsed from bytes, not a decoded String: invalid UTF-8 must be a 400, not replacement characters.
        TicketPatch patch = TicketPatch.parse(mapper.readTree(request == null ? new byte[0] : request));
        return tickets.update(
                        id, version(ifMatch), patch, identity.getPrincipal().getName())
                .onItem()
                .ifNull()
                .failWith(() -> notFound(id))
                .map(TicketResource::withETag);
    }

    /** Integration clients see only their own tickets; people see all. */
    private String visibleTo() {
        return identity.hasRole("agent") || identity.hasRole("admin")
                ? null
                : identity.getPrincipal().getName();
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No ticket " + id);
    }

    private static RestResponse<TicketView> withETag(TicketView view) {
        return RestResponse.ResponseBuilder.ok(view)
                .tag(new EntityTag(String.valueOf(view.version())))
                .build();
    }

    /** A strong or weak ETag this service issued; anything else can never match, so it yields an impossible version. */
    private static long version(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 3 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private static List<String> clean(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(value -> value != null && !value.isBlank())
                        .map(String::strip)
                        .toList();
    }

    private static <E extends Enum<E>> List<E> parseAll(Class<E> type, String field, List<String> values) {
        List<E> parsed = new ArrayList<>();
        for (String value : clean(values)) {
            parsed.add(Arrays.stream(type.getEnumConstants())
                    .filter(constant -> constant.name().equalsIgnoreCase(value))
                    .findFirst()
                    .orElseThrow(() -> ProblemException.invalidField(
                            field, "must be one of " + Arrays.toString(type.getEnumConstants()))));
        }
        return parsed;
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(
                    field, "must be an ISO-8601 date-time with offset, e.g. 2026-01-31T00:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
