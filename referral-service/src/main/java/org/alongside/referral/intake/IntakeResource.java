package org.alongside.referral.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.alongside.referral.lifecycle.NewReferral;
import org.alongside.referral.lifecycle.ReferralView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST intake channel; FHIR intake (fhir/) hands its Bundles to the same {@link Intake}. */
@Path("/referrals")
@Tag(name = "Referrals")
@Produces(MediaType.APPLICATION_JSON)
public class IntakeResource {

    private final Intake intake;
    private final Caller caller;
    private final Clock clock;

    IntakeResource(Intake intake, Caller caller, Clock clock) {
        this.intake = intake;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "createReferral", summary = "Refer a person to peer support",
            description = "A retry with the same Idempotency-Key returns the referral already created and creates nothing.")
    @APIResponse(responseCode = "201", description = "Received",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "200", description = "A retry of a request already received (same Idempotency-Key)",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    public Response create(
            @NotNull(message = "a referral body is required") @Valid @ConvertGroup(to = NewReferral.Complete.class) NewReferral request,
            @HeaderParam("Idempotency-Key") @Size(max = 200) @Parameter(description = "Client-chosen key; retries with the same key create nothing") String idempotencyKey) {
        Intake.Submission submission = intake.submit(request, Intake.Arrival.rest(idempotencyKey,
                request.referrer().type()), caller, Response.Status.CREATED);
        ReferralView view = ReferralView.of(submission.referral(), clock);
        return submission.created()
                ? Response.created(URI.create("/referrals/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }
}
