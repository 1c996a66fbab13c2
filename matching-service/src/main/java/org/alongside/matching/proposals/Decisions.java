package org.alongside.matching.proposals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alongside.matching.peers.Peer;
import org.alongside.matching.peers.Peers;
import org.alongside.platform.events.matches.MatchAccepted;
import org.alongside.platform.events.matches.MatchDeclined;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.ProblemException;

/**
 * The person's choice, recorded by a coordinator. Each decision locks the proposal's referral first, so decisions
 * on one referral happen one at a time (and always in the same lock order: referral, then peer).
 */
@ApplicationScoped
public class Decisions {

    private final Peers peers;
    private final Shortlists shortlists;
    private final Scoring scoring;
    private final Outbox outbox;
    private final Clock clock;

    Decisions(Peers peers, Shortlists shortlists, Scoring scoring, Outbox outbox, Clock clock) {
        this.peers = peers;
        this.shortlists = shortlists;
        this.scoring = scoring;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Matches the referral with the proposal's peer, taking one of the peer's places. A proposal the peer no longer
     * fits (on leave, ruled out, a changed profile) is stale: refused, like a full peer.
     */
    @Transactional
    public Proposal accept(UUID proposalId, String actor) {
        Decided decided = undecided(proposalId, "accepted");
        Proposal proposal = decided.proposal();
        Referral referral = decided.referral();
        Peer peer = Peer.findById(proposal.peerId);
        Scorer.Needs needs = referral.needs(DoNotMatch.peersRuledOut(referral.id), Set.of(), false);
        Optional<Scorer.Exclusion> stale = scoring.scorer().exclusion(needs, Candidates.of(peer, 0));
        if (stale.isPresent() && stale.get() != Scorer.Exclusion.FULL) {
            throw ProblemException.conflict("proposal-stale", "The proposal is stale: the peer is now "
                    + Scorer.describe(stale.get(), needs) + "; decline it, or accept another proposal");
        }
        if (!peers.takePlace(proposal.peerId)) {
            Peer.getEntityManager().refresh(peer);
            throw ProblemException.conflict("peer-full", "The peer is full (" + peer.activeClients + " of "
                    + peer.capacity + " places taken); accept another proposal or raise the peer's capacity");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Proposal other : decided.all()) {
            if (other != proposal && other.status == ProposalStatus.PROPOSED) {
                other.status = ProposalStatus.SUPERSEDED;
                other.decidedAt = now;
            }
        }
        proposal.status = ProposalStatus.ACCEPTED;
        proposal.decidedAt = now;
        proposal.decidedBy = actor;
        matched(referral, proposal, now);
        // the superseded proposals' places are no longer on offer
        shortlists.rematchWaiting();
        return proposal;
    }

    /** The referral is matched with the proposal's peer from now: a match in its history, announced. */
    void matched(Referral referral, Proposal proposal, OffsetDateTime now) {
        referral.status = MatchingStatus.MATCHED;
        referral.matchedPeerId = proposal.peerId;
        referral.waitingReason = null;
        referral.waitingSince = null;
        referral.updatedAt = now;
        Match.start(proposal, now);
        outbox.publish(new MatchAccepted(referral.id, proposal.id, proposal.peerId, proposal.score,
                sharedLivedExperience(proposal), now));
    }

    /** What the proposal's scoring found the peer shares with the person: a condition, else a condition group. */
    static MatchAccepted.SharedLivedExperience sharedLivedExperience(Proposal proposal) {
        Set<Scorer.Factor> factors = proposal.reasons.stream().map(Scorer.Reason::factor).collect(Collectors.toSet());
        if (factors.contains(Scorer.Factor.SHARED_CONDITION)) {
            return MatchAccepted.SharedLivedExperience.CONDITION;
        }
        return factors.contains(Scorer.Factor.SHARED_GROUP) ? MatchAccepted.SharedLivedExperience.CONDITION_GROUP
                : MatchAccepted.SharedLivedExperience.NONE;
    }

    /**
     * Turns a proposal down with the reason, and offers the next best peer not yet proposed in its place; with
     * none left open, the referral waits.
     */
    @Transactional
    public Proposal decline(UUID proposalId, Decline decline, String actor) {
        Decided decided = undecided(proposalId, "declined");
        Proposal proposal = decided.proposal();
        OffsetDateTime now = OffsetDateTime.now(clock);
        proposal.status = ProposalStatus.DECLINED;
        proposal.declineReason = decline.reason();
        proposal.declineNote = decline.note() == null || decline.note().isBlank() ? null : decline.note().strip();
        proposal.decidedAt = now;
        proposal.decidedBy = actor;
        Referral referral = decided.referral();
        outbox.publish(new MatchDeclined(referral.id, proposal.id, proposal.peerId, decline.reason().name(), now));
        shortlists.replenish(referral);
        shortlists.rematchWaiting();
        return proposal;
    }

    private record Decided(Referral referral, Proposal proposal, List<Proposal> all) {
    }

    /** The proposal, read after its referral is locked, so its status is the one this decision acts on. */
    private static Decided undecided(UUID proposalId, String decision) {
        Proposal found = Proposal.findById(proposalId);
        if (found == null) {
            throw ProblemException.notFound("Proposal", proposalId);
        }
        Referral referral = Referral.findById(found.referralId, LockModeType.PESSIMISTIC_WRITE);
        Proposal.getEntityManager().refresh(found);
        if (found.status != ProposalStatus.PROPOSED) {
            throw ProblemException.conflict("proposal-decided", "The proposal is " + found.status
                    + "; only a PROPOSED proposal can be " + decision);
        }
        return new Decided(referral, found, Proposal.forReferral(referral.id));
    }
}
