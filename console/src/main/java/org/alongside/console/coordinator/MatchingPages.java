package org.alongside.console.coordinator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.alongside.console.api.matching.Matching;
import org.alongside.console.api.matching.MatchingClient;
import org.alongside.console.signin.Role;

/**
 * The coordinator's view of matching: who waits and why, a batch assignment run to review and confirm proposal by
 * proposal, and the peers with their lived experience, capacity and status.
 */
@Path("/coordinator")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.COORDINATOR_GROUP)
public class MatchingPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance waiting(Matching.WaitingList waiting);

        static native TemplateInstance assignment(Matching.AssignmentRun run);

        static native TemplateInstance peers(Matching.PeerList peers, String status);
    }

    private final MatchingClient matching;

    MatchingPages(MatchingClient matching) {
        this.matching = matching;
    }

    @GET
    @Path("waiting")
    public TemplateInstance waiting() {
        return Templates.waiting(matching.waiting(0, 200));
    }

    @GET
    @Path("assignment")
    public TemplateInstance assignment(@QueryParam("run") UUID run) {
        return Templates.assignment(run == null ? null : matching.assignmentRun(run));
    }

    @POST
    @Path("assignment")
    public Response runAssignment() {
        Matching.AssignmentRun run = matching.runAssignment();
        return Response.seeOther(URI.create("/coordinator/assignment?run=" + run.id())).build();
    }

    /** Confirms one of the run's proposals: the person has chosen that peer. */
    @POST
    @Path("assignment/{run}/proposals/{proposalId}/confirm")
    public Response confirm(@PathParam("run") UUID run, @PathParam("proposalId") UUID proposalId) {
        matching.accept(proposalId);
        return Response.seeOther(URI.create("/coordinator/assignment?run=" + run)).build();
    }

    @GET
    @Path("peers")
    public TemplateInstance peers(@QueryParam("status") String status) {
        return Templates.peers(matching.peers(status, 0, 200), status == null ? "" : status);
    }
}
