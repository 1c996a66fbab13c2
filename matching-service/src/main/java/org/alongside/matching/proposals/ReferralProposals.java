package org.alongside.matching.proposals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.matching.peers.Peer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A referral's matching: its proposals in the order they were made (best first), or why it is waiting. */
@Schema(name = "ReferralProposals")
public record ReferralProposals(
        UUID referralId,
        MatchingStatus status,
        @Schema(description = "Why no peer is proposed now (WAITING only)",
                example = "No peer fits yet: of 4 peers, 1 on leave, 3 at capacity") String waitingReason,
        @Schema(description = "Since when it has been waiting (WAITING only)") OffsetDateTime waitingSince,
        List<ProposalView> proposals) {

    static ReferralProposals of(Referral referral) {
        List<Proposal> proposals = Proposal.forReferral(referral.id);
        Map<UUID, String> names = Peer.displayNames(proposals.stream().map(p -> p.peerId).toList());
        return new ReferralProposals(referral.id, referral.status, referral.waitingReason, referral.waitingSince,
                proposals.stream().map(p -> ProposalView.of(p, names.get(p.peerId))).toList());
    }
}
