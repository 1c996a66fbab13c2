package org.alongside.referral.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.alongside.platform.audit.AuditTrail;
import org.alongside.platform.patch.JsonMergePatch;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/referrals")
@Tag(name = "Referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    private final Referrals referrals;
    private final Caller caller;
    private final Clock clock;
    private final AuditTrail audit;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    /** RFC 7396's media type. */

    private final SafeguardingAccess safeguarding;

    ReferralResource(Referrals referrals, Caller caller, Clock clock, AuditTrail audit, SecurityIdentity identity,
            ObjectMapper mapper, SafeguardingAccess safeguarding) {
        this.safeguarding = safeguarding;
        this.mapper = mapper;
        this.referrals = referrals;
        this.caller = caller;
        this.clock = clock;
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.PEER_WORKER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getReferral", summary = "One referral", description = """
            Referrers see their organisation's referrals; peer workers their own clients; a supervisor a person \
            about whom a safeguarding concern they are responsible for is open (each such read is audited with the \
            concern's id as its reason), and no one once it is closed.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    public ReferralView get(@PathParam("id") UUID id) {
        if (Referrals.hasOwnScope(caller) || !caller.is(Roles.SUPERVISOR)) {
            return ReferralView.of(referrals.visibleTo(id, caller), clock);
        }
        UUID concern = caller.subject().flatMap(supervisor -> safeguarding.openConcern(id, supervisor))
                .orElseThrow(() -> ProblemException.notFound("Referral", id));
        Referral referral = Referral.<Referral>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Referral", id));
        audit.record(caller.user(), identity.getRoles(), "READ",
                "GET ReferralResource.get as supervisor of open safeguarding concern " + concern, id,
                List.of(id.toString(), "safeguarding-concern/" + concern));
        return ReferralView.of(referral, clock);
    }

    @GET
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.PEER_WORKER, Roles.ADMIN})
    @Operation(operationId = "searchReferrals", summary = "Find referrals: the worklist, a person, a peer's people",
            description = """
                    Within the caller's scope: a referrer sees only their own organisation's referrals (whatever \
                    odsCode they ask for), a peer worker only the people matched to them while support lasts; \
                    coordinators and admins any. Filters combine. Each referral returned is a read of personal data \
                    and audited as one. session-service's caseload calls this with the peer's own token and \
                    `peerId`.""")
    @APIResponse(responseCode = "200", description = "One page of the referrals found")
    public Page<ReferralView> list(@QueryParam("status") ReferralStatus status,
            @QueryParam("odsCode") @OdsCode String odsCode,
            @QueryParam("condition") @Pattern(regexp = "\\d{6,18}", message = "must be a SNOMED CT concept id") @Parameter(description = "SNOMED CT code of a condition the person lives with") String condition,
            @QueryParam("receivedFrom") @Parameter(description = "ISO date, inclusive") LocalDate receivedFrom,
            @QueryParam("receivedTo") @Parameter(description = "ISO date, inclusive") LocalDate receivedTo,
            @QueryParam("nhsNumber") @Parameter(description = "The person's NHS number, exactly; spaces are ignored",
                    example = "943 476 5919") String nhsNumber,
            @QueryParam("name") @Size(min = 1, max = 100) @Parameter(description = "The start of the person's family "
                    + "or given name, in any case and with or without accents; each word must start one") String name,
            @QueryParam("birthDate") @Parameter(description = "The person's birth date (ISO date)") LocalDate birthDate,
            @QueryParam("peerId") @Parameter(description = "The people matched to this peer (MATCHED or ACTIVE)") UUID peerId,
            @QueryParam("unableToContact") @Parameter(description = "true: the referrals whose contact log shows the "
                    + "person could not be reached (see POST /referrals/{id}/contact-attempts)") Boolean unableToContact,
            @QueryParam("sort") @DefaultValue("urgency") @Pattern(regexp = "urgency|waiting|received",
                    message = "must be urgency, waiting or received") @Parameter(description = """
                    urgency (the default): urgent referrals first, then the longest waiting; waiting: the longest \
                    waiting first; received: the most recently received first.""",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"urgency", "waiting", "received"},
                            defaultValue = "urgency")) String sort,
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        if (receivedFrom != null && receivedTo != null && receivedFrom.isAfter(receivedTo)) {
            throw ProblemException.invalid("receivedFrom", "must not be after receivedTo");
        }
        if (nhsNumber != null && !NhsNumber.isValid(nhsNumber)) {
            throw ProblemException.invalid("nhsNumber",
                    "must be an NHS number: ten digits, the last the modulus-11 check of the first nine");
        }
        Page<Referral> found = referrals.list(new Referrals.Filter(status, odsCode, condition, receivedFrom,
                receivedTo, nhsNumber, name, birthDate, peerId, unableToContact), Referrals.Sort.valueOf(sort.toUpperCase()), caller,
                page, size);
        audit.recordEach(caller.user(), identity.getRoles(), "READ", "GET ReferralResource.list",
                found.items().stream().map(referral -> referral.id).toList());
        return found.map(r -> ReferralView.of(r, clock));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(JsonMergePatch.MEDIA_TYPE)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "correctReferral", summary = "Correct a referral's details (JSON Merge Patch)",
            description = """
                    The person's details and contact preferences, conditions, needs and preferences, as a JSON Merge \
                    Patch (RFC 7396, media type application/merge-patch+json) of ReferralCorrection: only the fields \
                    that change, null to remove one. The result is checked exactly as at intake: a patch that would \
                    make the referral invalid is a 400 naming the field, and nothing is written. The history keeps \
                    who changed which fields when; a change to what matching or reporting uses is published as \
                    referral.updated (codes only).""")
    // the document the patch applies to; MergePatchOpenApi documents the body as a patch of it
    @RequestBody(required = true, content = @Content(mediaType = JsonMergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = Correction.class)))
    @APIResponse(responseCode = "200", description = "The referral as corrected",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = "The referral was erased at the end of its retention period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReferralView correct(@PathParam("id") UUID id, String patch) throws JsonProcessingException {
        if (patch == null || patch.isBlank()) {
            throw ProblemException.invalid("body", "a JSON Merge Patch is required");
        }
        return ReferralView.of(referrals.correct(id, mapper.readTree(patch), caller), clock);
    }

    public record HistoryEntry(ReferralStatus fromStatus, ReferralStatus toStatus, String reason, String actor,
            OffsetDateTime changedAt,
            @Schema(description = "The fields a correction changed; absent for a change of status")
            List<String> changedFields) {
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.REFERRER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "getReferralHistory", summary = "Every status change and correction of a referral: who, when, why")
    public Page<HistoryEntry> history(@PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        referrals.visibleTo(id, caller);
        return StatusChange.of(id, page, size)
                .map(c -> new HistoryEntry(c.fromStatus, c.toStatus, c.reason, c.actor, c.changedAt, c.changedFields));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "acceptReferral", summary = "Accept after triage: the referral waits for a peer")
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
    @Operation(operationId = "declineReferral", summary = "Decline after triage, with a coded reason")
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
    @Operation(operationId = "withdrawReferral", summary = "Withdraw an open referral")
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
    @Operation(operationId = "recordConsentWithdrawal", summary = "Record that the person withdrew their consent to peer support", description = """
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
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = false, description = "A note on how the withdrawal reached us; no body records none")
    public ReferralView withdrawConsent(@PathParam("id") UUID id, @Valid Reasons.ConsentWithdrawal body) {
        return ReferralView.of(referrals.withdrawConsent(id, body == null ? null : body.note(), caller), clock);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "closeReferral", summary = "Close support with a coded reason")
    @APIResponse(responseCode = "200", description = "The referral after the change",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReferralView close(@PathParam("id") UUID id, @NotNull @Valid Reasons.Close body) {
        return ReferralView.of(referrals.close(id, body, caller), clock);
    }
}
