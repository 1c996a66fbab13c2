package org.alongside.outcomes.facts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/read-model/rebuild")
@Tag(name = "Read model")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    private final ReadModelRebuild rebuild;

    RebuildResource(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "rebuildReadModel", summary = "Rebuild the commissioning read model from the topics",
            description = """
                    Empties the fact tables and replays every referral, match, session and outcome event from the
                    beginning of the topics through the same handlers as the live consumer, which carries on. Runs
                    in the background: follow it with GET on this path. The dashboard shows partial figures until
                    it completes. Use after a new condition group mapping or to recover the read model.""")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(schema = @Schema(implementation = ReadModelRebuild.Status.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start() {
        return Response.accepted(rebuild.start()).location(URI.create("/admin/read-model/rebuild")).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getReadModelRebuild", summary = "How the latest rebuild of the read model went")
    @APIResponse(responseCode = "200", description = "Its state and counts",
            content = @Content(schema = @Schema(implementation = ReadModelRebuild.Status.class)))
    public ReadModelRebuild.Status status() {
        return rebuild.status();
    }
}
