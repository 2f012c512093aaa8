package io.triage.ticket.taxonomy;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

// Runs to completion when the client disconnects: see TicketResource.
@Cancellable(false)
@Path("/api/admin/categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@SecurityRequirement(name = "oidc")
public class CategoryResource {

    private final CategoryService categories;

    public CategoryResource(CategoryService categories) {
        this.categories = categories;
    }

    @GET
    @RolesAllowed({"agent", "admin"})
    @Operation(summary = "List the taxonomy", description = "Agents may read it: the dashboard offers its categories.")
    public Uni<List<CategoryView>> list(
            @QueryParam("active") @Parameter(description = "Only active (true) or inactive (false) categories")
                    Boolean active) {
        return categories.list(active);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Add a category")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid category (problem+json with field errors)")
    @APIResponse(responseCode = "409", description = "A category with this name exists")
    public Uni<RestResponse<CategoryView>> create(@NotNull @Valid NewCategory request, UriInfo uri) {
        return categories
                .create(request)
                .map(created -> RestResponse.ResponseBuilder.<CategoryView>created(uri.getAbsolutePathBuilder()
                                .path(created.name())
                                .build())
                        .entity(created)
                        .build());
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Change a category's description, team or active flag")
    @APIResponse(responseCode = "404", description = "No such category")
    public Uni<CategoryView> update(@PathParam("name") String name, @NotNull @Valid CategoryUpdate request) {
        return categories.update(name, request).onItem().ifNull().failWith(notFound(name));
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed("admin")
    @Operation(
            summary = "Deactivate a category",
            description =
                    "Triage stops choosing it; it stays on existing tickets and examples, and can be reactivated.")
    @APIResponse(responseCode = "404", description = "No such category")
    public Uni<CategoryView> deactivate(@PathParam("name") String name) {
        return categories.deactivate(name).onItem().ifNull().failWith(notFound(name));
    }

    private static Supplier<NotFoundException> notFound(String name) {
        return () -> new NotFoundException("No category '" + name + "'.");
    }
}
