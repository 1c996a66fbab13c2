package org.alongside.matching.taxonomy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/taxonomy")
@Tag(name = "Taxonomy")
@Produces(MediaType.APPLICATION_JSON)
public class TaxonomyResource {

    private final Taxonomies taxonomies;
    private final Caller caller;

    TaxonomyResource(Taxonomies taxonomies, Caller caller) {
        this.taxonomies = taxonomies;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.SUPERVISOR})
    @Operation(operationId = "getTaxonomy",
            summary = "The condition taxonomy: SNOMED CT codes grouped by shared lived experience",
            description = "The current version, or an earlier one. Codes it does not list fall in other-physical or "
                    + "other-mental by their kind.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TaxonomyView.class)))
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TaxonomyView get(@QueryParam("version") @Min(1) @Parameter(description = "A version; the current one if left out")
            Integer version) {
        Taxonomy taxonomy = version == null ? taxonomies.current() : taxonomies.at(version);
        TaxonomyVersion made = TaxonomyVersion.findById(taxonomy.version());
        if (made == null) {
            throw ProblemException.notFound("Taxonomy version", version);
        }
        return TaxonomyView.of(made, taxonomy);
    }

    @PUT
    @Path("/codes/{snomedCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putTaxonomyCode", summary = "Put a SNOMED CT code in a group",
            description = "Adds the code, or moves or renames it, as a new taxonomy version; referrals waiting for a "
                    + "peer are matched again. Putting a code exactly as it is changes nothing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Taxonomies.CodeChange.class)))
    @APIResponse(responseCode = "400", description = "Malformed code (field snomedCode), unknown group (group), or a "
            + "kind other than the group's (kind)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Taxonomies.CodeChange putCode(@PathParam("snomedCode") String snomedCode,
            @NotNull(message = "a body with group, kind and display is required") @Valid CodeInput input) {
        return taxonomies.putCode(snomedCode, input, caller.user());
    }

    @PUT
    @Path("/groups/{groupId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putTaxonomyGroup", summary = "Add a condition group, or reword one",
            description = "As a new taxonomy version. A group's kind cannot change.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Taxonomies.GroupChange.class)))
    @APIResponse(responseCode = "400", description = "Malformed group id (field groupId), or a changed kind (kind)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Taxonomies.GroupChange putGroup(@PathParam("groupId") String groupId,
            @NotNull(message = "a body with kind and display is required") @Valid GroupInput input) {
        return taxonomies.putGroup(groupId, input, caller.user());
    }
}
