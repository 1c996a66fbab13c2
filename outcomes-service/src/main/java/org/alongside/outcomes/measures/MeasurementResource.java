package org.alongside.outcomes.measures;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.util.UUID;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/measurements")
@Tag(name = "Measurements")
@Produces(MediaType.APPLICATION_JSON)
public class MeasurementResource {

    private final Measurements measurements;
    private final Caller caller;

    MeasurementResource(Measurements measurements, Caller caller) {
        this.measurements = measurements;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.PEER_WORKER, Roles.ADMIN})
    @Operation(operationId = "recordMeasurement", summary = "Record a completed outcome measure",
            description = "Checks the answers against the instrument's definition (count and range), scores them and "
                    + "publishes outcome.recorded (scores only). PAM and EQ5D5L take a 'score' from their licensed "
                    + "tool instead of answers. PHQ-9 item 9 answered above 0 raises a risk flag for a supervisor "
                    + "and a risk.flagged event. Peer workers record for the people they support.")
    @APIResponse(responseCode = "201", description = "Recorded and scored",
            content = @Content(schema = @Schema(implementation = MeasurementView.class)))
    @APIResponse(responseCode = "400", description = "A field is wrong (errors name it, e.g. answers[3]), or the "
            + "referral is unknown to this service; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A peer worker named a referral they do not support",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The referral already has a BASELINE (or DISCHARGE) "
            + "measurement of this instrument",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@NotNull(message = "a measurement body is required") @Valid NewMeasurement request)
            throws SQLException {
        MeasurementView recorded = measurements.record(request, caller);
        return Response.created(URI.create("/measurements/" + recorded.id())).entity(recorded).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.PEER_WORKER, Roles.ADMIN})
    @Operation(operationId = "getMeasurement", summary = "One measurement with its scores and change from baseline",
            description = "Peer workers see the measurements of the people they support.")
    @APIResponse(responseCode = "200", description = "The measurement",
            content = @Content(schema = @Schema(implementation = MeasurementView.class)))
    public MeasurementView get(@PathParam("id") UUID id) throws SQLException {
        return measurements.get(id, caller);
    }
}
