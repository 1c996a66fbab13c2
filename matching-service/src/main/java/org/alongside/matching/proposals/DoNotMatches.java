package org.alongside.matching.proposals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.matching.peers.Peer;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.query.Page;

/**
 * Peers ruled out for one person. Ruling out a peer with an open proposal withdraws it and proposes the next best
 * peer in its place.
 */
@ApplicationScoped
public class DoNotMatches {

    private final Shortlists shortlists;
    private final Clock clock;

    DoNotMatches(Shortlists shortlists, Clock clock) {
        this.shortlists = shortlists;
        this.clock = clock;
    }

    public record Recorded(boolean created, DoNotMatch entry) {
    }

    /** Rules the peer out (again: the reason is replaced); created is false when they already were. */
    @Transactional
    public Recorded add(UUID referralId, DoNotMatchInput input, String actor) {
        Referral referral = Referral.findById(referralId, LockModeType.PESSIMISTIC_WRITE);
        if (referral == null) {
            throw ProblemException.notFound("Referral", referralId);
        }
        if (!referral.isOpen()) {
            throw ProblemException.conflict("matching-ended", "Matching for this referral has ended ("
                    + referral.status + "); there is nothing to rule a peer out of");
        }
        if (Peer.findById(input.peerId()) == null) {
            throw ProblemException.invalid("peerId", "no peer has this id");
        }
        if (referral.status == MatchingStatus.MATCHED && input.peerId().equals(referral.matchedPeerId)) {
            throw ProblemException.conflict("already-matched", "The person is matched with this peer; transfer "
                    + "them to another peer first (POST /referrals/{referralId}/transfer)");
        }
        DoNotMatch entry = DoNotMatch.find("referralId = ?1 and peerId = ?2", referralId, input.peerId()).firstResult();
        boolean created = entry == null;
        if (created) {
            entry = new DoNotMatch();
            entry.id = UUID.randomUUID();
            entry.referralId = referralId;
            entry.peerId = input.peerId();
        }
        entry.reason = input.reason().strip();
        entry.recordedBy = actor;
        entry.recordedAt = OffsetDateTime.now(clock);
        entry.persist();

        List<Proposal> open = Proposal.list("referralId = ?1 and peerId = ?2 and status = ?3", referralId,
                input.peerId(), ProposalStatus.PROPOSED);
        if (!open.isEmpty()) {
            open.forEach(shortlists::withdraw);
            shortlists.replenish(referral);
            shortlists.rematchWaiting();
        }
        return new Recorded(created, entry);
    }

    /** The peers ruled out for the person, first ruled out first, a page at a time. */
    public Page<DoNotMatch> list(UUID referralId, int page, int size) {
        if (Referral.findById(referralId) == null) {
            throw ProblemException.notFound("Referral", referralId);
        }
        var query = DoNotMatch.<DoNotMatch>find("referralId = ?1 order by recordedAt, id", referralId);
        query.page(io.quarkus.panache.common.Page.of(page, size));
        return new Page<>(query.list(), page, size, query.count());
    }
}
