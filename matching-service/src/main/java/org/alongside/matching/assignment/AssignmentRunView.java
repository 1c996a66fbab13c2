package org.alongside.matching.assignment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.matching.proposals.MatchingStatus;
import org.alongside.matching.proposals.ProposalStatus;
import org.alongside.matching.proposals.Scorer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An assignment run as a coordinator reviews it: a proposal to confirm per assigned referral, and the rest. */
@Schema(name = "AssignmentRun")
public record AssignmentRunView(
        UUID id,
        @Schema(description = "Who started the run (the token's subject)") String requestedBy,
        OffsetDateTime ranAt,
        @Schema(description = "Referrals accepted but not yet matched when the run started (waiting, or with "
                + "proposals still open)") int referrals,
        @Schema(description = "Active peers with a free place") int peersWithPlaces,
        @Schema(description = "Free places: each active peer's capacity less their active clients") int places,
        @Schema(description = "Referral-peer pairs that pass the hard constraints and could be assigned") long candidatePairs,
        @Schema(description = "Referrals assigned a peer") int assigned,
        @Schema(description = "Proposals the run added; the other assignments are proposals already open") int newProposals,
        @Schema(description = "The assigned proposals' scores added up: no assignment within the places scores more")
        long totalScore,
        @Schema(description = "How long finding the optimal assignment took") long solveMillis,
        @Schema(description = "One proposal per assigned referral, longest-waiting first") List<Assigned> proposals,
        @Schema(description = "Referrals the run assigned no peer, longest-waiting first") List<Unassigned> unassigned) {

    /** The proposal a coordinator confirms (POST /proposals/{id}/accept) to make the run's assignment. */
    @Schema(name = "AssignedProposal")
    public record Assigned(
            UUID proposalId,
            UUID referralId,
            @Schema(description = "When the referral was accepted for matching") OffsetDateTime waitingSince,
            UUID peerId,
            String peerDisplayName,
            @Schema(minimum = "0", maximum = "100") int score,
            List<Scorer.Reason> reasons,
            @Schema(description = "The proposal's status now") ProposalStatus status,
            @Schema(description = "True when the run made this proposal; false when it was already open")
            boolean proposedByRun) {
    }

    @Schema(name = "UnassignedReferral")
    public record Unassigned(
            UUID referralId,
            OffsetDateTime waitingSince,
            @Schema(description = "The referral's matching status now") MatchingStatus status,
            @Schema(example = "No place this run: the places of the 2 peers who fit went to referrals that score "
                    + "higher with them or have waited longer") String reason) {
    }
}
