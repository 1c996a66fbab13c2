package org.alongside.matching.proposals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.alongside.matching.peers.Peer;
import org.alongside.matching.peers.PeerStatus;
import org.alongside.matching.peers.Peers;
import org.alongside.platform.events.matches.MatchEndedV2;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;

/**
 * Workforce continuity: a matched person moves to another peer when theirs leaves, goes on leave, or the person asks.
 * The current match ends (TRANSFERRED); the person's sessions and goals stay theirs in session-service, keyed by the
 * referral. Locks the referral, then the peers, as every decision does.
 */
@ApplicationScoped
public class Transfers {

    private final Peers peers;
    private final Decisions decisions;
    private final Shortlists shortlists;
    private final Scoring scoring;
    private final Outbox outbox;
    private final Clock clock;

    Transfers(Peers peers, Decisions decisions, Shortlists shortlists, Scoring scoring, Outbox outbox, Clock clock) {
        this.peers = peers;
        this.decisions = decisions;
        this.shortlists = shortlists;
        this.scoring = scoring;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Ends the current match and either matches the person with the named peer at once, or proposes peers afresh
     * (never the previous one) for the person to choose from. A named peer who cannot take the person changes
     * nothing.
     */
    @Transactional
    public Referral transfer(UUID referralId, Transfer transfer, String actor) {
        Referral referral = Referral.findById(referralId, LockModeType.PESSIMISTIC_WRITE);
        if (referral == null) {
            throw ProblemException.notFound("Referral", referralId);
        }
        if (referral.status != MatchingStatus.MATCHED) {
            throw ProblemException.conflict("not-matched", "The referral is " + referral.status
                    + " in matching: only a person matched with a peer can be transferred");
        }
        Match current = Match.current(referralId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Proposal named = transfer.peerId() == null ? null : takeOn(referral, current, transfer.peerId(), actor, now);

        peers.freePlace(current.peerId);
        current.end(MatchEndedV2.Reason.TRANSFERRED, transfer.reason().name(), now);
        outbox.publish(new MatchEndedV2(referralId, current.proposalId, current.peerId,
                MatchEndedV2.Reason.TRANSFERRED, now));
        Match.flush();
        if (named != null) {
            decisions.matched(referral, named, now);
        } else {
            referral.status = MatchingStatus.WAITING;
            referral.matchedPeerId = null;
            referral.waitingSince = now;
            referral.updatedAt = now;
            shortlists.replenish(referral);
        }
        shortlists.rematchWaiting();
        return referral;
    }

    /** The named peer's place, taken for the person, as an accepted proposal scored like any other. */
    private Proposal takeOn(Referral referral, Match current, UUID peerId, String actor, OffsetDateTime now) {
        if (peerId.equals(current.peerId)) {
            throw unprocessable("is the peer the person is matched with now");
        }
        Peer peer = Peer.findById(peerId);
        if (peer == null) {
            throw unprocessable("is not a peer of this service");
        }
        if (DoNotMatch.peersRuledOut(referral.id).contains(peerId)) {
            throw conflict("peer-ruled-out", "was ruled out for this person by a coordinator");
        }
        if (peer.status != PeerStatus.ACTIVE) {
            throw conflict("peer-not-active", "is " + peer.status + ": only an ACTIVE peer takes on new people");
        }
        if (!peers.takePlace(peerId)) {
            Peer.getEntityManager().refresh(peer);
            throw conflict("peer-full", "is full (" + peer.activeClients + " of " + peer.capacity
                    + " places taken)");
        }
        Scorer scorer = scoring.scorer();
        Scorer.Scored scored = scorer.score(referral.needs(Set.of(), Set.of(), false), Candidates.of(peer, 0));
        Proposal proposal = new Proposal();
        proposal.id = UUID.randomUUID();
        proposal.referralId = referral.id;
        proposal.peerId = peerId;
        proposal.rank = Proposal.forReferral(referral.id).stream().mapToInt(p -> p.rank).max().orElse(0) + 1;
        proposal.score = scored.score();
        proposal.reasons = scored.reasons();
        proposal.taxonomyVersion = scorer.taxonomyVersion();
        proposal.status = ProposalStatus.ACCEPTED;
        proposal.proposedAt = now;
        proposal.decidedAt = now;
        proposal.decidedBy = actor;
        proposal.persist();
        return proposal;
    }

    private static ProblemException unprocessable(String message) {
        return new ProblemException(422, "transfer-peer-invalid", "Unprocessable request", "peerId: " + message,
                List.of(new Problem.FieldError("peerId", message)));
    }

    private static ProblemException conflict(String slug, String message) {
        return new ProblemException(409, slug, "Conflict", "peerId: the peer " + message,
                List.of(new Problem.FieldError("peerId", "the peer " + message)));
    }
}
