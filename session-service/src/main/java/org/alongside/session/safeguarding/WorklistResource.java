package org.alongside.session.safeguarding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;
import org.alongside.platform.security.Roles;
import org.alongside.session.access.Access;
import org.alongside.session.access.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One supervisor worklist: the concerns and the risk flags of the people their peers support, in one list. */
@Path("/safeguarding")
@Tag(name = "Safeguarding")
@Produces(MediaType.APPLICATION_JSON)
public class WorklistResource {

    private final Concerns concerns;
    private final RiskFlags riskFlags;
    private final Access access;

    WorklistResource(Concerns concerns, RiskFlags riskFlags, Access access) {
        this.concerns = concerns;
        this.riskFlags = riskFlags;
        this.access = access;
    }

    @GET
    @Path("/worklist")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "listSafeguardingWork", summary = "Concerns and risk flags in one worklist, overdue first",
            description = """
            A supervisor sees the concerns about their peers' people and the risk flags of those people (and those \
            of peers without a supervisor, so nothing waits unseen); coordinators and admins see all. Overdue \
            first, then immediate risks, then by deadline. Without status, everything not yet closed.""")
    public Page<WorklistItem> worklist(
            @QueryParam("status") @Parameter(description = "OPEN, ACKNOWLEDGED or CLOSED; repeat for several",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Concern.Status.class)) List<String> status,
            @QueryParam("page") @DefaultValue("0") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "0", maximum = "" + PageNumber.MAX, defaultValue = "0")) int page,
            @QueryParam("size") @DefaultValue("50") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) int size) {
        Set<Concern.Status> statuses = SafeguardingResource.statuses(status);
        OffsetDateTime now = concerns.now();
        List<WorklistItem> all = Stream.concat(
                        concerns.list(new Concerns.Filter(statuses, null, null, null), access).stream()
                                .map(c -> WorklistItem.of(c, now)),
                        riskFlags.list(statuses, access).stream().map(f -> WorklistItem.of(f, now)))
                .sorted(Comparator.comparing((WorklistItem i) -> !i.overdue())
                        .thenComparing(i -> !i.immediateRisk())
                        .thenComparing(WorklistItem::acknowledgeBy)
                        .thenComparing(WorklistItem::raisedAt))
                .toList();
        return Params.page(all, page, size);
    }

    @POST
    @Path("/risk-flags/{id}/acknowledge")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "acknowledgeRiskFlag", summary = "Acknowledge a risk flag: you have taken it on",
            description = "Also acknowledges its alert, which stops the alert's escalation.")
    @APIResponse(responseCode = "200", description = "The flag, acknowledged",
            content = @Content(schema = @Schema(implementation = WorklistItem.class)))
    @APIResponse(responseCode = "409", description = "Already acknowledged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorklistItem acknowledgeRiskFlag(@PathParam("id") UUID id) {
        return WorklistItem.of(riskFlags.acknowledge(id, access), concerns.now());
    }

    @POST
    @Path("/risk-flags/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "closeRiskFlag", summary = "Close an acknowledged risk flag, recording the action taken")
    @APIResponse(responseCode = "200", description = "The flag, closed",
            content = @Content(schema = @Schema(implementation = WorklistItem.class)))
    @APIResponse(responseCode = "409", description = "Not acknowledged yet, or already closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorklistItem closeRiskFlag(@PathParam("id") UUID id,
            @NotNull(message = "a body with the actionTaken is required") @Valid SafeguardingResource.Closure body) {
        return WorklistItem.of(riskFlags.close(id, body.actionTaken(), access), concerns.now());
    }
}
