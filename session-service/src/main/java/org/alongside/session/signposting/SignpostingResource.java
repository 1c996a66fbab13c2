package org.alongside.session.signposting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;
import org.alongside.platform.security.Roles;
import org.alongside.session.access.Access;
import org.alongside.session.access.Params;
import org.alongside.session.match.Restrictions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Tag(name = "Signposting")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SignpostingResource {

    @Schema(name = "TakeUpUpdate")
    public record TakeUpUpdate(@NotNull Signpost.TakeUp takeUp) {
    }

    private final Signposting signposting;
    private final Access access;

    SignpostingResource(Signposting signposting, Access access) {
        this.signposting = signposting;
        this.access = access;
    }

    @POST
    @Path("referrals/{referralId}/signposting")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "createSignpost", summary = "Record that the person was linked to a community resource", description = """
            For linking done outside a session (a session's own goes in its signposting list).""")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = SignpostView.class)))
    @APIResponse(responseCode = "409", description = "Refused: " + Restrictions.MAY_NOT_RECORD,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("referralId") UUID referralId,
            @NotNull(message = "a signposting body is required") @Valid NewSignpost body) {
        Signpost signpost = signposting.record(referralId, body, access);
        return Response.created(URI.create("/referrals/" + referralId + "/signposting"))
                .entity(SignpostView.of(signpost)).build();
    }

    @GET
    @Path("referrals/{referralId}/signposting")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listSignposts", summary = "The resources the person was linked to, most recent first, and whether they took them up")
    public Page<SignpostView> list(@PathParam("referralId") UUID referralId,
            @QueryParam("page") @DefaultValue("0") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "0", maximum = "" + PageNumber.MAX, defaultValue = "0")) int page,
            @QueryParam("size") @DefaultValue("50") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) int size) {
        return Params.page(signposting.ofReferral(referralId, access), page, size).map(SignpostView::of);
    }

    @PUT
    @Path("signposting/{id}/take-up")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "recordSignpostTakeUp", summary = "Record whether the person took the resource up")
    @APIResponse(responseCode = "200", description = "The signposting after the update",
            content = @Content(schema = @Schema(implementation = SignpostView.class)))
    @APIResponse(responseCode = "409", description = "Refused: " + Restrictions.MAY_NOT_RECORD,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SignpostView takeUp(@PathParam("id") UUID id,
            @NotNull(message = "a body with takeUp is required") @Valid TakeUpUpdate body) {
        return SignpostView.of(signposting.updateTakeUp(id, body.takeUp(), access));
    }
}
