package org.alongside.matching.proposals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.matches.MatchEndedV2;

/** One peer a person had: from the proposal that matched them to the match's end, and why it ended. */
@Entity
@Table(name = "peer_match")
public class Match extends PanacheEntityBase {

    @Id
    public UUID proposalId;
    public UUID referralId;
    public UUID peerId;
    public OffsetDateTime startedAt;
    public OffsetDateTime endedAt;
    @Enumerated(EnumType.STRING)
    public MatchEndedV2.Reason endReason;
    /** The coded reason behind the ending: referral-service's close or withdrawal reason, or the transfer's. */
    public String endDetail;

    static Match start(Proposal proposal, OffsetDateTime at) {
        Match match = new Match();
        match.proposalId = proposal.id;
        match.referralId = proposal.referralId;
        match.peerId = proposal.peerId;
        match.startedAt = at;
        match.persist();
        return match;
    }

    /** The referral's match now, or null. */
    static Match current(UUID referralId) {
        return find("referralId = ?1 and endedAt is null", referralId).firstResult();
    }

    void end(MatchEndedV2.Reason reason, String detail, OffsetDateTime at) {
        endedAt = at;
        endReason = reason;
        endDetail = detail;
    }
}
