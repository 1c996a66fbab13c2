package org.alongside.matching.proposals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A proposal as a coordinator sees it: who, how well they fit and why, and what was decided. */
@Schema(name = "Proposal")
public record ProposalView(
        UUID id,
        UUID referralId,
        UUID peerId,
        @Schema(description = "The peer's display name, for the coordinator's conversation with the person") String peerDisplayName,
        @Schema(description = "1 is the best fit") int rank,
        @Schema(description = "0-100; the sum of the reasons' points", minimum = "0", maximum = "100") int score,
        List<Scorer.Reason> reasons,
        ProposalStatus status,
        OffsetDateTime proposedAt,
        OffsetDateTime decidedAt,
        @Schema(description = "Why it was declined (DECLINED only)") Decline.Reason declineReason,
        @Schema(description = "The taxonomy version the score's condition groups come from") Integer taxonomyVersion) {

    static ProposalView of(Proposal p, String peerDisplayName) {
        return new ProposalView(p.id, p.referralId, p.peerId, peerDisplayName, p.rank, p.score, p.reasons, p.status,
                p.proposedAt, p.decidedAt, p.declineReason, p.taxonomyVersion);
    }
}
