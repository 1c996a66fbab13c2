package org.alongside.matching.proposals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.matching.peers.Peers;
import org.alongside.platform.events.matches.MatchEndedV2;
import org.alongside.platform.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * A referral closed or withdrawn in referral-service. Matched: the match ends, the peer's place is given back and
 * {@code match.ended} (version 2) says so. Not matched yet: the referral stops waiting and its open proposals are withdrawn.
 * Either way, waiting referrals may now fit a peer.
 */
@ApplicationScoped
public class Endings {

    private static final Logger LOG = Logger.getLogger(Endings.class);

    private final Peers peers;
    private final Shortlists shortlists;
    private final Outbox outbox;
    private final Clock clock;

    Endings(Peers peers, Shortlists shortlists, Outbox outbox, Clock clock) {
        this.peers = peers;
        this.shortlists = shortlists;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void referralEnded(UUID referralId, MatchEndedV2.Reason ending, String reason, OffsetDateTime endedAt) {
        Referral referral = Referral.findById(referralId, LockModeType.PESSIMISTIC_WRITE);
        if (referral == null) {
            LOG.debugf("Referral %s ended before it was accepted: nothing to end in matching", referralId);
            return;
        }
        if (!referral.isOpen()) {
            LOG.infof("Referral %s already %s; ended again, ignored", referralId, referral.status);
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime at = endedAt != null ? endedAt : now;
        if (referral.status == MatchingStatus.MATCHED) {
            if (!peers.freePlace(referral.matchedPeerId)) {
                LOG.warnf("Match of referral %s ended but peer %s had no place taken", referralId,
                        referral.matchedPeerId);
            }
            referral.status = MatchingStatus.ENDED;
            Match match = Match.current(referralId);
            match.end(ending, reason, at);
            outbox.publish(new MatchEndedV2(referralId, match.proposalId, match.peerId, ending, at));
        } else {
            for (Proposal proposal : Proposal.forReferral(referralId)) {
                if (proposal.status == ProposalStatus.PROPOSED) {
                    shortlists.withdraw(proposal);
                }
            }
            referral.status = MatchingStatus.WITHDRAWN;
        }
        referral.endedAt = at;
        referral.endReason = reason;
        referral.waitingReason = null;
        referral.waitingSince = null;
        referral.updatedAt = now;
        shortlists.rematchWaiting();
    }
}
