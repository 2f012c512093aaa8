package io.triage.ticket.importing;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.triage.ticket.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/admin/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@SecurityRequirement(name = "oidc")
public class ImportResource {

    public static final String CSV = "text/csv";
    public static final String NDJSON = "application/x-ndjson";

    private final ImportService imports;
    private final ImportStore store;
    private final ImportSettings settings;
    private final SecurityIdentity identity;

    public ImportResource(
            ImportService imports, ImportStore store, ImportSettings settings, SecurityIdentity identity) {
        this.imports = imports;
        this.store = store;
        this.settings = settings;
        this.identity = identity;
    }

    /**
     * Quarkus REST buffers at most {@code quarkus.rest.input-buffer-size} of a body and then hands over a stream
     * that reads as data arrives, so an upload is never held whole; reading it blocks, so this method returns a
     * plain value and runs on a worker thread.
     */
    @POST
    @Consumes({CSV, NDJSON})
    @RolesAllowed("admin")
    @Operation(
            summary = "Import labelled history as training examples",
            description = "CSV with a header row (columns text and category, optionally subject and priority) or"
                    + " JSON Lines with the same fields, UTF-8. Valid rows become training examples; the others are"
                    + " listed with their line number. The triage worker embeds the new examples in the background.")
    @APIResponse(responseCode = "201", description = "Imported; the report lists rejected rows")
    @APIResponse(
            responseCode = "400",
            description = "Unreadable header, invalid options, or the upload ended early (the import is FAILED)")
    @APIResponse(responseCode = "413", description = "Upload larger than imports.max-upload-size")
    @APIResponse(responseCode = "415", description = "Neither CSV nor JSON Lines, or not UTF-8")
    public RestResponse<ImportReport> upload(
            InputStream body,
            @QueryParam("createCategories")
                    @DefaultValue("false")
                    @Parameter(
                            description =
                                    "Create categories the taxonomy does not have yet, instead of rejecting their rows")
                    boolean createCategories,
            @QueryParam("team")
                    @Size(min = 1, max = 100)
                    @Parameter(description = "Owning team of created categories; required with createCategories")
                    String team,
            @Context HttpHeaders headers,
            @Context UriInfo uri) {
        long declared = headers.getLength();
        if (declared > settings.maxUploadSize().asLongValue()) {
            throw UploadLimit.tooLarge(settings.maxUploadSize().asLongValue());
        }
        if (createCategories && (team == null || team.isBlank())) {
            throw new ProblemException(
                    400,
                    "validation",
                    "Invalid request",
                    "createCategories=true needs the team that owns them: team=...");
        }
        MediaType type = headers.getMediaType();
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase(StandardCharsets.UTF_8.name())) {
            throw new ProblemException(
                    415, "unsupported-media-type", "Unsupported Media Type", "Uploads must be UTF-8.");
        }
        ImportService.Format format =
                type.isCompatible(MediaType.valueOf(CSV)) ? ImportService.Format.CSV : ImportService.Format.NDJSON;
        ImportReport report = imports.importRows(
                body, format, identity.getPrincipal().getName(), createCategories ? team.strip() : null);
        return RestResponse.ResponseBuilder.<ImportReport>created(uri.getAbsolutePathBuilder()
                        .path(report.id().toString())
                        .build())
                .entity(report)
                .build();
    }

    @GET
    @RolesAllowed("admin")
    @Operation(
            summary = "The latest imports, newest first",
            description = "Running imports are listed with their counts so far; each entry is its report without"
                    + " the row errors (GET /{id} has them).")
    public Uni<List<ImportSummary>> list(
            @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(1)
                    @Max(50)
                    @Parameter(description = "How many imports, at most 50")
                    int limit) {
        return store.newest(limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(
            summary = "The report of an import, or its progress while it runs",
            description = "status RUNNING with rowsRead, rowsImported and rowsRejected growing as batches go in;"
                    + " COMPLETED with the row errors; or FAILED with the reason, having kept none of its rows.")
    @APIResponse(responseCode = "404", description = "No such import")
    public Uni<ImportReport> get(@PathParam("id") UUID id) {
        return store.find(id).onItem().ifNull().failWith(() -> new NotFoundException("No import " + id + "."));
    }
}
