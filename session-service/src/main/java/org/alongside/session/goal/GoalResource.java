package org.alongside.session.goal;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.problem.Problem;
import jakarta.ws.rs.QueryParam;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;
import org.alongside.session.access.Params;
import org.alongside.session.match.Restrictions;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.alongside.platform.security.Roles;
import org.alongside.session.access.Access;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Tag(name = "Goals (wellness plan)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GoalResource {

    private final Goals goals;
    private final Access access;

    GoalResource(Goals goals, Access access) {
        this.goals = goals;
        this.access = access;
    }

    @POST
    @Path("referrals/{referralId}/goals")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "createGoal", summary = "Add a goal to the person's wellness plan, in their own words", description = """
            A peer worker adds goals for their current clients. Publishes goal.updated (created: true) with ids, \
            focus, status and rating; never the words.""")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = GoalView.class)))
    @APIResponse(responseCode = "409", description = "Refused: " + Restrictions.MAY_NOT_RECORD,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("referralId") UUID referralId,
            @NotNull(message = "a goal body is required") @Valid NewGoal body) {
        Goal goal = goals.create(referralId, body, access);
        return Response.created(URI.create("/goals/" + goal.id)).entity(view(goal)).build();
    }

    @GET
    @Path("referrals/{referralId}/goals")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listGoals", summary = "The person's goals, oldest first, with their progress over time")
    public Page<GoalView> list(@PathParam("referralId") UUID referralId,
            @QueryParam("page") @DefaultValue("0") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "0", maximum = "" + PageNumber.MAX, defaultValue = "0")) int page,
            @QueryParam("size") @DefaultValue("50") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) int size) {
        Page<Goal> found = Params.page(goals.ofReferral(referralId, access), page, size);
        Map<UUID, List<GoalProgress>> progress = goals.progressOf(found.items());
        boolean withText = access.mayReadRestricted(access.peerOf(referralId).orElse(null));
        return found.map(g -> GoalView.of(g, progress.getOrDefault(g.id, List.of()), withText));
    }

    @GET
    @Path("goals/{goalId}")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getGoal", summary = "One goal, with its progress")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = GoalView.class)))
    public GoalView get(@PathParam("goalId") UUID goalId) {
        return view(goals.visibleTo(goalId, access));
    }

    @POST
    @Path("goals/{goalId}/progress")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "recordGoalProgress", summary = "Record progress on a goal: a rating (1-10), a new status, or both", description = """
            Publishes goal.updated. A goal CHANGED for another takes no more progress (409). Goals can also be \
            reviewed in a session: POST /sessions with goalProgress.""")
    @APIResponse(responseCode = "200", description = "The goal after the update",
            content = @Content(schema = @Schema(implementation = GoalView.class)))
    @APIResponse(responseCode = "409", description = "The goal was changed for another, or "
            + Restrictions.MAY_NOT_RECORD,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GoalView progress(@PathParam("goalId") UUID goalId,
            @NotNull(message = "a progress body is required") @Valid ProgressUpdate body) {
        return view(goals.progress(goalId, body, access));
    }

    private GoalView view(Goal goal) {
        return GoalView.of(goal, goals.progressOf(List.of(goal)).getOrDefault(goal.id, List.of()),
                access.mayReadRestricted(access.peerOf(goal.referralId).orElse(null)));
    }
}
