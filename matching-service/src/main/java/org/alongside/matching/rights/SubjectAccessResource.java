package org.alongside.matching.rights;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.matching.assignment.AssignmentRunReferral;
import org.alongside.matching.proposals.Decline;
import org.alongside.matching.proposals.DoNotMatch;
import org.alongside.matching.proposals.Match;
import org.alongside.matching.proposals.MatchingStatus;
import org.alongside.matching.proposals.Proposal;
import org.alongside.matching.proposals.ProposalStatus;
import org.alongside.matching.proposals.Referral;
import org.alongside.matching.proposals.Scorer;
import org.alongside.matching.vocabulary.Condition;
import org.alongside.matching.vocabulary.Gender;
import org.alongside.matching.vocabulary.Medium;
import org.alongside.matching.vocabulary.Setting;
import org.alongside.matching.vocabulary.Slot;
import org.alongside.platform.events.matches.MatchEndedV2;
import org.alongside.platform.events.support.Faith;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Everything matching-service holds about one person, for a subject access request; referral-service assembles the
 * whole export from the services' parts (docs/information-governance.md).
 */
@Path("/referrals/{referralId}/subject-access")
@Tag(name = "Information governance")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectAccessResource {

    public record NeedsPart(MatchingStatus status, List<Condition> conditions, Gender peerGender,
            List<Setting> settings, List<Medium> media, Boolean sharedCondition, Boolean sharedCultureOrLanguage,
            String language, boolean interpreterNeeded, String locality, String culture, String ethnicity,
            Faith faith, List<Slot> availability,
            List<String> experiences, String waitingReason, OffsetDateTime waitingSince, UUID matchedPeerId,
            OffsetDateTime acceptedAt, OffsetDateTime endedAt, String endReason, OffsetDateTime erasedAt) {
    }

    public record ProposalPart(UUID id, UUID peerId, int rank, int score, List<Scorer.Reason> reasons,
            ProposalStatus status, Decline.Reason declineReason, String declineNote, OffsetDateTime proposedAt,
            OffsetDateTime decidedAt, String decidedBy) {
    }

    public record MatchPart(UUID proposalId, UUID peerId, OffsetDateTime startedAt, OffsetDateTime endedAt,
            MatchEndedV2.Reason endReason, String endDetail) {
    }

    public record RuledOutPart(UUID peerId, String reason, String recordedBy, OffsetDateTime recordedAt) {
    }

    public record AssignmentPart(UUID runId, OffsetDateTime waitingSince, UUID proposalId, boolean proposedByRun,
            String reason) {
    }

    @Schema(name = "MatchingServiceSubjectAccess")
    public record SubjectAccess(String service, UUID referralId, OffsetDateTime generatedAt, String generatedBy,
            NeedsPart referral, List<ProposalPart> proposals, List<MatchPart> matches, List<RuledOutPart> doNotMatch,
            List<AssignmentPart> assignmentRuns) {
    }

    private final Caller caller;
    private final Clock clock;

    SubjectAccessResource(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "exportMatchingSubjectAccess",
            summary = "Everything held about one person, notes included, for a subject access request",
            description = """
                    Admin (information governance lead) only; every call is in the audit trail. A referral this \
                    service never heard of (never accepted) answers 200 with nothing in it. Review before \
                    disclosure: it names peers and staff.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubjectAccess.class)))
    public SubjectAccess export(@PathParam("referralId") UUID referralId) {
        Referral r = Referral.findById(referralId);
        NeedsPart needs = r == null ? null : new NeedsPart(r.status, r.conditions, r.peerGender, r.settings,
                r.media, r.sharedCondition, r.sharedCultureOrLanguage, r.language, r.interpreterNeeded, r.locality,
                r.culture, r.ethnicity, r.faith, r.availability, r.experiences, r.waitingReason, r.waitingSince,
                r.matchedPeerId, r.acceptedAt, r.endedAt, r.endReason, r.erasedAt);
        List<MatchPart> matches = Match.<Match>list("referralId = ?1 order by startedAt, proposalId", referralId)
                .stream().map(m -> new MatchPart(m.proposalId, m.peerId, m.startedAt, m.endedAt, m.endReason,
                        m.endDetail)).toList();
        List<ProposalPart> proposals = Proposal.<Proposal>list("referralId = ?1 order by proposedAt, rank, id",
                referralId).stream().map(p -> new ProposalPart(p.id, p.peerId, p.rank, p.score, p.reasons, p.status,
                p.declineReason, p.declineNote, p.proposedAt, p.decidedAt, p.decidedBy)).toList();
        List<RuledOutPart> ruledOut = DoNotMatch.<DoNotMatch>list("referralId = ?1 order by recordedAt, id",
                referralId).stream().map(d -> new RuledOutPart(d.peerId, d.reason, d.recordedBy, d.recordedAt))
                .toList();
        List<AssignmentPart> runs = AssignmentRunReferral.<AssignmentRunReferral>list("referralId", referralId)
                .stream().map(a -> new AssignmentPart(a.runId, a.waitingSince, a.proposalId, a.proposedByRun,
                        a.reason)).toList();
        return new SubjectAccess("matching-service", referralId, OffsetDateTime.now(clock), caller.user(), needs,
                proposals, matches, ruledOut, runs);
    }
}
