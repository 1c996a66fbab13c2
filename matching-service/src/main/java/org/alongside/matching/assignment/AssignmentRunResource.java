package org.alongside.matching.assignment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/assignment-runs")
@Tag(name = "Assignment runs")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentRunResource {

    private final AssignmentRuns runs;
    private final Caller caller;

    AssignmentRunResource(AssignmentRuns runs, Caller caller) {
        this.runs = runs;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "runAssignment",
            summary = "Assign the referrals not yet matched to peers with free places, optimally",
            description = "Considers every referral accepted but not yet matched (WAITING, or PROPOSED with "
                    + "proposals still open) and every active peer's free places (capacity less active clients). "
                    + "Only pairs that pass the proposals' hard constraints are candidates (formats, area, language, "
                    + "gender preference, boundaries, peers ruled out for the person), and a peer already declined "
                    + "or withdrawn for a referral is not assigned it again. Each referral gets at most one peer and "
                    + "each peer at most their free places; the assignment has the highest total score possible, "
                    + "and among assignments with the same total it serves the longest-waiting referrals (accepted "
                    + "first). An assignment is a proposal: one already open for that pair, or a new one "
                    + "(match.proposed is published). A coordinator confirms it with POST /proposals/{id}/accept, "
                    + "which takes the place, or declines it.")
    @APIResponse(responseCode = "201", description = "Run; Location names it",
            content = @Content(schema = @Schema(implementation = AssignmentRunView.class)))
    public Response run() {
        UUID id = runs.run(caller.user());
        return Response.created(URI.create("/assignment-runs/" + id)).entity(runs.view(id)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "getAssignmentRun", summary = "An assignment run, with its proposals' status now")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AssignmentRunView.class)))
    public AssignmentRunView get(@PathParam("id") UUID id) {
        return runs.view(id);
    }
}
