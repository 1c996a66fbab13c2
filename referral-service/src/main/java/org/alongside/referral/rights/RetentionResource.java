package org.alongside.referral.rights;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/retention/sweeps")
@Tag(name = "Information governance")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    private final Retention retention;
    private final Caller caller;

    RetentionResource(Retention retention, Caller caller) {
        this.retention = retention;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "runRetentionSweep", summary = "Run the retention sweep now", description = """
            What the schedule (alongside.retention.sweep-every) does: every referral that ended (closed, declined, \\
            withdrawn) longer ago than alongside.retention.period (default P8Y) loses its identity and free text \\
            here, and referral.erased tells the other services to erase theirs. The coded data the counts need \\
            stays. Each erasure is in the audit trail under the caller.""")
    @APIResponse(responseCode = "200", description = "The referrals erased by this sweep",
            content = @Content(schema = @Schema(implementation = Retention.Sweep.class)))
    public Retention.Sweep sweep() {
        return retention.sweep(caller.user());
    }
}
