package org.alongside.referral.lifecycle;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/referrals")
@Tag(name = "Referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    private final Referrals referrals;
    private final Caller caller;
    private final Clock clock;

    ReferralResource(Referrals referrals, Caller caller, Clock clock) {
        this.referrals = referrals;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.PEER_WORKER, Roles.ADMIN})
    @Operation(summary = "One referral", description = "Referrers see their organisation's referrals; peer workers their own clients.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    public ReferralView get(@PathParam("id") UUID id) {
        return ReferralView.of(referrals.visibleTo(id, caller), clock);
    }

    public record ReferralList(List<ReferralView> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Worklist of referrals, longest waiting first",
            description = "Referrers see only their own organisation's referrals, whatever odsCode they ask for.")
    public ReferralList list(@QueryParam("status") ReferralStatus status,
            @QueryParam("odsCode") @Pattern(regexp = "[A-Za-z0-9]{3,10}", message = "must be an ODS code") String odsCode,
            @QueryParam("condition") @Pattern(regexp = "\\d{6,18}", message = "must be a SNOMED CT concept id") @Parameter(description = "SNOMED CT code of a condition the person lives with") String condition,
            @QueryParam("receivedFrom") @Parameter(description = "ISO date, inclusive") LocalDate receivedFrom,
            @QueryParam("receivedTo") @Parameter(description = "ISO date, inclusive") LocalDate receivedTo,
            @QueryParam("sort") @DefaultValue("waiting") @Pattern(regexp = "waiting|newest", message = "must be waiting or newest") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        if (receivedFrom != null && receivedTo != null && receivedFrom.isAfter(receivedTo)) {
            throw ProblemException.invalid("receivedFrom", "must not be after receivedTo");
        }
        var found = referrals.list(new Referrals.Filter(status, odsCode, condition, receivedFrom, receivedTo),
                "newest".equals(sort), caller, page, size);
        return new ReferralList(found.items().stream().map(r -> ReferralView.of(r, clock)).toList(), page, size,
                found.total());
    }

    public record HistoryEntry(ReferralStatus fromStatus, ReferralStatus toStatus, String reason, String actor,
            OffsetDateTime changedAt) {
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Every status change of a referral: who, when, why")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        referrals.visibleTo(id, caller);
        return StatusChange.of(id).stream()
                .map(c -> new HistoryEntry(c.fromStatus, c.toStatus, c.reason, c.actor, c.changedAt)).toList();
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Accept after triage: the referral waits for a peer")
    @APIResponse(responseCode = "200", description = "The referral after the change",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReferralView accept(@PathParam("id") UUID id) {
        return ReferralView.of(referrals.accept(id, caller), clock);
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Decline after triage, with a coded reason")
    @APIResponse(responseCode = "200", description = "The referral after the change",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReferralView decline(@PathParam("id") UUID id, @NotNull @Valid Reasons.Decline body) {
        return ReferralView.of(referrals.decline(id, body, caller), clock);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Withdraw an open referral")
    @APIResponse(responseCode = "200", description = "The referral after the change",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReferralView withdraw(@PathParam("id") UUID id, @NotNull @Valid Reasons.Withdraw body) {
        return ReferralView.of(referrals.withdraw(id, body, caller), clock);
    }

    @POST
    @Path("/{id}/consent-withdrawal")
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Record that the person withdrew their consent to peer support", description = """
            Whatever the referral's status. An open referral is withdrawn with reason CONSENT_WITHDRAWN \
            (referral.withdrawn); a closed or declined one keeps its status. referral.consent-withdrawn tells every \
            service: matching proposes no one, session-service records no new session, goal or signposting (409 \
            consent-withdrawn; a safeguarding concern still can be raised), outcomes records no new measure. \
            Recording it again changes nothing. POST /referrals/{id}/withdraw with reason CONSENT_WITHDRAWN does \
            the same.""")
    @APIResponse(responseCode = "200", description = "The referral after the change",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = "The referral was erased at the end of its retention period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReferralView withdrawConsent(@PathParam("id") UUID id, @Valid Reasons.ConsentWithdrawal body) {
        return ReferralView.of(referrals.withdrawConsent(id, body == null ? null : body.note(), caller), clock);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Close support with a coded reason")
    @APIResponse(responseCode = "200", description = "The referral after the change",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReferralView close(@PathParam("id") UUID id, @NotNull @Valid Reasons.Close body) {
        return ReferralView.of(referrals.close(id, body, caller), clock);
    }
}
