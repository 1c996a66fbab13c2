package org.alongside.referral.contact;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
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
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The contact log of a referral: who tried to reach the person, when, how, and what came of it. */
@Path("/referrals/{id}/contact-attempts")
@Tag(name = "Referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final ContactLog log;
    private final Caller caller;

    ContactResource(ContactLog log, Caller caller) {
        this.log = log;
        this.caller = caller;
    }

    @Schema(name = "NewContactAttempt")
    public record NewAttempt(
            @NotNull @PastOrPresent OffsetDateTime attemptedAt,
            @NotNull ContactAttempt.Method method,
            @NotNull @Schema(description = "REACHED and DECLINED_TO_TALK reached the person; the others failed")
            ContactAttempt.Outcome outcome,
            @Size(max = 2000) @Schema(description = "Free text: stays in referral-service, never in an event")
            String note) {
    }

    @Schema(name = "ContactAttempt")
    public record Attempt(UUID id, OffsetDateTime attemptedAt, ContactAttempt.Method method,
            ContactAttempt.Outcome outcome, String note, String recordedBy, OffsetDateTime recordedAt) {

        public static Attempt of(ContactAttempt a) {
            return new Attempt(a.id, a.attemptedAt, a.method, a.outcome, a.note, a.recordedBy, a.recordedAt);
        }
    }

    @POST
    @RolesAllowed({Roles.COORDINATOR, Roles.PEER_WORKER, Roles.ADMIN})
    @Operation(operationId = "logContactAttempt", summary = "Log an attempt to reach the person", description = """
            After alongside.contact.failed-attempts-before-unable-to-contact failed attempts in a row (3 unless \
            configured) the referral shows unableToContact and suggestedCloseReason UNABLE_TO_CONTACT, and is \
            listed by GET /referrals?unableToContact=true; an attempt that reaches the person ends that.""")
    @APIResponse(responseCode = "201", description = "Logged",
            content = @Content(schema = @Schema(implementation = Attempt.class)))
    public Response log(@PathParam("id") UUID id, @NotNull @Valid NewAttempt attempt) {
        Attempt logged = Attempt.of(log.record(id, attempt, caller));
        return Response.created(URI.create("/referrals/" + id + "/contact-attempts/" + logged.id())).entity(logged)
                .build();
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.PEER_WORKER, Roles.ADMIN})
    @Operation(operationId = "listContactAttempts", summary = "The attempts to reach the person, latest first")
    public Page<Attempt> list(@PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return log.attempts(id, caller, page, size).map(Attempt::of);
    }
}
