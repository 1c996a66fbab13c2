package org.alongside.session.safeguarding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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

@Path("/safeguarding/concerns")
@Tag(name = "Safeguarding")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SafeguardingResource {

    @Schema(name = "CloseSafeguardingConcern")
    public record Closure(
            @NotBlank @Size(max = 4000) @Schema(description = "What was done: referred to the local authority, "
                    + "GP informed, no further action and why, ...") String actionTaken) {
    }

    private final Concerns concerns;
    private final Access access;

    SafeguardingResource(Concerns concerns, Access access) {
        this.concerns = concerns;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "raiseConcern", summary = "Raise a safeguarding concern outside a session", description = """
            For a concern that comes up between sessions (a session's own concern goes in its safeguardingConcern). \
            A peer worker raises concerns about their own clients. Publishes safeguarding.raised (ids and category \
            only) and puts the concern on the supervisor's worklist.""")
    @APIResponse(responseCode = "201", description = "Raised",
            content = @Content(schema = @Schema(implementation = ConcernView.class)))
    @APIResponse(responseCode = "404", description = "Not one of the caller's clients, or a referral this service does not know",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Refused: " + Restrictions.ERASED
            + " (a concern outlasts a withdrawal of consent)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response raise(@NotNull(message = "a concern body is required") @Valid NewConcern body) {
        Concern concern = concerns.raise(body, access);
        return Response.created(URI.create("/safeguarding/concerns/" + concern.id)).entity(view(concern)).build();
    }

    @GET
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listConcerns", summary = "Safeguarding worklist: overdue first, then immediate risks, then by deadline", description = """
            A supervisor sees the concerns about their peers' clients, and those of peers without a supervisor; \
            coordinators and admins see all; a peer worker sees the concerns about their own work. Without status, \
            every concern not yet closed.""")
    public Page<ConcernView> list(
            @QueryParam("status") @Parameter(description = "OPEN, ACKNOWLEDGED or CLOSED; repeat for several",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Concern.Status.class)) List<String> status,
            @QueryParam("overdue") @Parameter(description = "true: only concerns past their deadline to acknowledge",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String overdue,
            @QueryParam("referralId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String referralId,
            @QueryParam("peerId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String peerId,
            @QueryParam("page") @DefaultValue("0") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "0", maximum = "" + PageNumber.MAX, defaultValue = "0")) int page,
            @QueryParam("size") @DefaultValue("50") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) int size) {
        Params.checkPage(page, size);
        Concerns.Filter filter = new Concerns.Filter(statuses(status), Params.optionalBoolean("overdue", overdue),
                Params.optionalUuid("referralId", referralId), Params.optionalUuid("peerId", peerId));
        return Params.page(concerns.list(filter, access), page, size).map(this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getConcern", summary = "One safeguarding concern")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConcernView.class)))
    public ConcernView get(@PathParam("id") UUID id) {
        return view(concerns.visibleTo(id, access));
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "acknowledgeConcern", summary = "Acknowledge a concern: you have taken it on")
    @APIResponse(responseCode = "200", description = "The concern, acknowledged",
            content = @Content(schema = @Schema(implementation = ConcernView.class)))
    @APIResponse(responseCode = "409", description = "Already acknowledged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConcernView acknowledge(@PathParam("id") UUID id) {
        return view(concerns.acknowledge(id, access));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "closeConcern", summary = "Close an acknowledged concern, recording the action taken")
    @APIResponse(responseCode = "200", description = "The concern, closed",
            content = @Content(schema = @Schema(implementation = ConcernView.class)))
    @APIResponse(responseCode = "409", description = "Not acknowledged yet, or already closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConcernView close(@PathParam("id") UUID id,
            @NotNull(message = "a body with the actionTaken is required") @Valid Closure body) {
        return view(concerns.close(id, body.actionTaken(), access));
    }

    /** The statuses asked for (repeated or comma-separated); without any, everything not yet closed. */
    static Set<Concern.Status> statuses(List<String> status) {
        Set<Concern.Status> statuses = EnumSet.noneOf(Concern.Status.class);
        for (String value : status == null ? List.<String>of() : status) {
            for (String part : value.split(",")) {
                Concern.Status parsed = Params.optionalEnum("status", part, Concern.Status.class);
                if (parsed != null) {
                    statuses.add(parsed);
                }
            }
        }
        return statuses.isEmpty() ? EnumSet.of(Concern.Status.OPEN, Concern.Status.ACKNOWLEDGED) : statuses;
    }

    private ConcernView view(Concern concern) {
        return ConcernView.of(concern, concerns.mayReadText(concern, access), concerns.now());
    }
}
