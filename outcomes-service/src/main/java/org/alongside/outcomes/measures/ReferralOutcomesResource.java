package org.alongside.outcomes.measures;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.UUID;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/referrals/{referralId}/outcomes")
@Tag(name = "Measurements")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralOutcomesResource {

    private final Measurements measurements;
    private final Caller caller;

    ReferralOutcomesResource(Measurements measurements, Caller caller) {
        this.measurements = measurements;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.PEER_WORKER, Roles.ADMIN})
    @Operation(operationId = "getReferralOutcomes", summary = "A referral's outcomes over time",
            description = "For each instrument recorded: the measurements over the timepoints, each one's change "
                    + "from the baseline, and whether the change is reliable improvement or deterioration by the "
                    + "instrument's published threshold (configurable as alongside.outcomes.thresholds.<INSTRUMENT>). "
                    + "A measurement without a baseline has no change. Peer workers see the people they support.")
    @APIResponse(responseCode = "200", description = "The outcomes (no instruments yet when none was recorded)",
            content = @Content(schema = @Schema(implementation = ReferralOutcomes.class)))
    public ReferralOutcomes outcomes(@PathParam("referralId") UUID referralId) throws SQLException {
        return measurements.outcomes(referralId, caller);
    }
}
