package org.alongside.matching.proposals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.matching.peers.Peer;
import org.alongside.matching.peers.Peers;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.ProblemException;

/**
 * A coordinator's decisions on proposals. Each decision locks the proposal's referral first, so decisions on
 * one referral happen one at a time (and always in the same lock order: referral, then peer).
 */
@ApplicationScoped
public class Decisions {

    private final Peers peers;
    private final Outbox outbox;
    private final Clock clock;

    Decisions(Peers peers, Outbox outbox, Clock clock) {
        this.peers = peers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Matches the referral with the proposal's peer, taking one of the peer's places. */
    @Transactional
    public Proposal accept(UUID proposalId, String actor) {
        Decided decided = undecided(proposalId, "accepted");
        Proposal proposal = decided.proposal();
        if (!peers.takePlace(proposal.peerId)) {
            Peer peer = Peer.findById(proposal.peerId);
            throw peer.active
                    ? ProblemException.conflict("peer-full", "The peer is full (" + peer.activeClients + " of "
                            + peer.capacity + " places taken); accept another proposal or raise the peer's capacity")
                    : ProblemException.conflict("peer-inactive", "The peer is no longer active; accept another proposal");
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
        Referral referral = decided.referral();
        referral.status = MatchingStatus.MATCHED;
        referral.matchedPeerId = proposal.peerId;
        referral.waitingReason = null;
        referral.updatedAt = now;
        outbox.publish(EventTypes.MATCH_ACCEPTED, referral.id,
                new MatchEvents.Accepted(referral.id, proposal.id, proposal.peerId, proposal.score, now));
        return proposal;
    }

    /** Turns a proposal down; when none is left open, the referral waits again. */
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
        if (decided.all().stream().noneMatch(p -> p.status == ProposalStatus.PROPOSED)) {
            referral.status = MatchingStatus.WAITING;
            referral.waitingReason = "Every proposed peer was declined (" + decided.all().size()
                    + "); the referral needs a new proposal";
        }
        referral.updatedAt = now;
        outbox.publish(EventTypes.MATCH_DECLINED, referral.id, new MatchEvents.Declined(referral.id, proposal.id,
                proposal.peerId, decline.reason().name(), now));
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
