package org.alongside.matching.proposals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alongside.matching.peers.Peer;
import org.alongside.matching.peers.PeerChanged;
import org.alongside.matching.peers.PeerStatus;
import org.alongside.matching.taxonomy.TaxonomyChanged;
import org.alongside.platform.events.matches.MatchProposed;
import org.alongside.platform.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * Keeps every open referral's shortlist: proposes peers for a newly accepted referral, replaces proposals that were
 * declined or withdrawn with the next best peers not yet proposed, and matches waiting referrals again whenever
 * something changes that could let a peer fit (a peer added or changed, a place given back, an offer withdrawn,
 * the taxonomy changed).
 *
 * <p>Locks: a referral is locked before a peer. Referrals locked while a peer may already be locked (matching
 * again, withdrawing a changed peer's proposals) are taken with SKIP LOCKED: one busy elsewhere is left to that
 * transaction, which ends by matching waiting referrals again itself.
 */
@ApplicationScoped
public class Shortlists {

    private static final Logger LOG = Logger.getLogger(Shortlists.class);

    private final Outbox outbox;
    private final Clock clock;
    private final Scoring scoring;
    private final int size;

    Shortlists(Outbox outbox, Clock clock, Scoring scoring, MatchingConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.scoring = scoring;
        this.size = config.shortlistSize();
    }

    /**
     * Records the referral and its shortlist. A referral matching already knows is left alone, so a second
     * {@code referral.accepted} for it (even with a new event id, or in the other version) never makes a second
     * shortlist.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void propose(UUID referralId, PersonNeeds needs, OffsetDateTime acceptedAt) {
        if (Referral.findById(referralId) != null) {
            LOG.infof("Referral %s already has a shortlist; accepted again, ignored", referralId);
            return;
        }
        Referral referral = new Referral();
        referral.id = referralId;
        needs.applyTo(referral);
        referral.acceptedAt = acceptedAt;
        referral.status = MatchingStatus.WAITING;
        referral.waitingSince = referral.acceptedAt;
        referral.updatedAt = OffsetDateTime.now(clock);
        referral.persist();
        topUp(referral, round(false));
        if (referral.status == MatchingStatus.WAITING) {
            LOG.infof("Referral %s waits: %s", referralId, referral.waitingReason);
        }
    }

    /**
     * A coordinator corrected what the person brings: matching's copy is replaced. While the person is still
     * choosing or waiting, open proposals the peer no longer fits are withdrawn, the others scored again on the new
     * needs, and the shortlist topped up (or the referral waits); a matched or ended referral only keeps the facts.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(UUID referralId, PersonNeeds needs) {
        Referral referral = Referral.findById(referralId, LockModeType.PESSIMISTIC_WRITE);
        if (referral == null || referral.erasedAt != null) {
            LOG.debugf("Referral %s updated before matching knew it (or after erasure): nothing to replace", referralId);
            return;
        }
        needs.applyTo(referral);
        referral.updatedAt = OffsetDateTime.now(clock);
        if (referral.status != MatchingStatus.WAITING && referral.status != MatchingStatus.PROPOSED) {
            return;
        }
        Scorer scorer = scoring.scorer();
        Scorer.Needs scored = referral.needs(DoNotMatch.peersRuledOut(referral.id), Set.of(), false);
        for (Proposal proposal : Proposal.forReferral(referralId)) {
            if (proposal.status != ProposalStatus.PROPOSED) {
                continue;
            }
            Scorer.Candidate candidate = Candidates.of(Peer.findById(proposal.peerId), 0);
            Optional<Scorer.Exclusion> exclusion = scorer.exclusion(scored, candidate);
            if (exclusion.isPresent() && exclusion.get() != Scorer.Exclusion.FULL) {
                LOG.infof("Proposal %s withdrawn: for the corrected referral the peer is %s", proposal.id,
                        Scorer.describe(exclusion.get(), scored));
                withdraw(proposal);
            } else {
                Scorer.Scored again = scorer.score(scored, candidate);
                proposal.score = again.score();
                proposal.reasons = again.reasons();
                proposal.taxonomyVersion = scorer.taxonomyVersion();
            }
        }
        replenish(referral);
        rematchWaiting();
    }

    /** After a decline or a withdrawn proposal: the next best peers not yet proposed, or the referral waits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replenish(Referral referral) {
        topUp(referral, round(false));
    }

    /**
     * Matches waiting referrals again, longest waiting first. Here a peer's places offered in open proposals
     * count as taken, so a freed place is offered to one waiting referral (the longest waiting) at a time rather
     * than to all of them at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rematchWaiting() {
        Referral.getEntityManager().flush();
        @SuppressWarnings("unchecked")
        List<UUID> waiting = Referral.getEntityManager().createNativeQuery("""
                        SELECT id FROM referral WHERE status = 'WAITING'
                        ORDER BY waiting_since, id FOR UPDATE SKIP LOCKED""")
                .getResultList();
        if (waiting.isEmpty()) {
            return;
        }
        Round round = round(true);
        int matched = 0;
        for (UUID id : waiting) {
            Referral referral = Referral.findById(id);
            if (referral.status != MatchingStatus.WAITING) {
                continue;
            }
            topUp(referral, round);
            if (referral.status == MatchingStatus.PROPOSED) {
                matched++;
            }
        }
        if (matched > 0) {
            LOG.infof("Matched %d of %d waiting referral(s) again", matched, waiting.size());
        }
    }

    /** A profile changed: its open proposals that no longer fit are withdrawn and replaced; waiting referrals may fit. */
    void peerChanged(@Observes PeerChanged changed) {
        withdrawUnfitting(changed.peerId());
        rematchWaiting();
    }

    void taxonomyChanged(@Observes TaxonomyChanged changed) {
        rematchWaiting();
    }

    /** Withdraws the proposal (the referral is locked by the caller). */
    void withdraw(Proposal proposal) {
        proposal.status = ProposalStatus.WITHDRAWN;
        proposal.decidedAt = OffsetDateTime.now(clock);
    }

    private void withdrawUnfitting(UUID peerId) {
        List<Proposal> open = Proposal.list("peerId = ?1 and status = ?2", peerId, ProposalStatus.PROPOSED);
        if (open.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<UUID> locked = Set.copyOf(Referral.getEntityManager()
                .createNativeQuery("SELECT id FROM referral WHERE id IN (?1) FOR UPDATE SKIP LOCKED")
                .setParameter(1, open.stream().map(p -> p.referralId).distinct().toList())
                .getResultList());
        Peer peer = Peer.findById(peerId);
        Scorer.Candidate candidate = Candidates.of(peer, 0);
        Scorer scorer = scoring.scorer();
        for (Proposal proposal : open) {
            if (!locked.contains(proposal.referralId)) {
                continue;
            }
            Proposal.getEntityManager().refresh(proposal);
            Referral referral = Referral.findById(proposal.referralId);
            if (proposal.status != ProposalStatus.PROPOSED) {
                continue;
            }
            Scorer.Needs needs = referral.needs(DoNotMatch.peersRuledOut(referral.id), Set.of(), false);
            Optional<Scorer.Exclusion> exclusion = scorer.exclusion(needs, candidate);
            // a full peer may free a place before anyone chooses; accepting says so if not
            if (exclusion.isPresent() && exclusion.get() != Scorer.Exclusion.FULL) {
                LOG.infof("Proposal %s withdrawn: peer %s is now %s", proposal.id, peerId,
                        Scorer.describe(exclusion.get(), needs));
                withdraw(proposal);
                replenish(referral);
            }
        }
    }

    /**
     * Brings the referral's open proposals up to the shortlist size with the best peers not yet proposed for it,
     * and announces the new ones; with none open, the referral waits, with the reason.
     */
    private void topUp(Referral referral, Round round) {
        List<Proposal> all = Proposal.forReferral(referral.id);
        long open = all.stream().filter(p -> p.status == ProposalStatus.PROPOSED).count();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<MatchProposed.Item> added = new ArrayList<>();
        String noFit = null;
        if (open < size) {
            // a peer superseded when the person chose another may be offered again once that match is transferred
            Set<UUID> proposedBefore = all.stream().filter(p -> p.status != ProposalStatus.SUPERSEDED)
                    .map(p -> p.peerId).collect(Collectors.toSet());
            Scorer.Needs needs = referral.needs(DoNotMatch.peersRuledOut(referral.id), proposedBefore,
                    round.countOfferedPlaces());
            Scorer.Shortlist shortlist = round.scorer().rank(needs, round.candidates().values(), (int) (size - open));
            int rank = all.stream().mapToInt(p -> p.rank).max().orElse(0);
            for (Scorer.Scored scored : shortlist.ranked()) {
                Proposal proposal = new Proposal();
                proposal.id = UUID.randomUUID();
                proposal.referralId = referral.id;
                proposal.peerId = scored.candidate().peerId();
                proposal.rank = ++rank;
                proposal.score = scored.score();
                proposal.reasons = scored.reasons();
                proposal.status = ProposalStatus.PROPOSED;
                proposal.taxonomyVersion = round.scorer().taxonomyVersion();
                proposal.proposedAt = now;
                proposal.persist();
                round.offered(proposal.peerId);
                added.add(new MatchProposed.Item(proposal.id, proposal.peerId, proposal.rank, proposal.score));
            }
            noFit = shortlist.waitingReason();
        }
        if (open + added.size() > 0) {
            referral.status = MatchingStatus.PROPOSED;
            referral.waitingReason = null;
            referral.waitingSince = null;
        } else {
            if (referral.status != MatchingStatus.WAITING || referral.waitingSince == null) {
                referral.waitingSince = now;
            }
            referral.status = MatchingStatus.WAITING;
            referral.waitingReason = history(all) + noFit;
        }
        referral.updatedAt = now;
        if (!added.isEmpty()) {
            outbox.publish(new MatchProposed(referral.id, added, now));
        }
    }

    /** "2 proposed peers declined, 1 proposal withdrawn. " before a waiting reason, when there were proposals. */
    private static String history(List<Proposal> all) {
        long declined = all.stream().filter(p -> p.status == ProposalStatus.DECLINED).count();
        long withdrawn = all.stream().filter(p -> p.status == ProposalStatus.WITHDRAWN).count();
        List<String> parts = new ArrayList<>();
        if (declined > 0) {
            parts.add(declined + (declined == 1 ? " proposed peer declined" : " proposed peers declined"));
        }
        if (withdrawn > 0) {
            parts.add(withdrawn + (withdrawn == 1 ? " proposal withdrawn" : " proposals withdrawn"));
        }
        return parts.isEmpty() ? "" : String.join(", ", parts) + ". ";
    }

    /**
     * A scorer and the peers who can be proposed. Only a round matching waiting referrals again counts a peer's
     * places offered in open proposals as taken; counting them reads every open proposal, so the others skip it.
     */
    private Round round(boolean countOfferedPlaces) {
        Map<UUID, Integer> offered = new HashMap<>();
        if (countOfferedPlaces) {
            for (Object[] row : Proposal.getEntityManager().createQuery(
                    "select p.peerId, count(p) from Proposal p where p.status = :open group by p.peerId",
                    Object[].class).setParameter("open", ProposalStatus.PROPOSED).getResultList()) {
                offered.put((UUID) row[0], ((Number) row[1]).intValue());
            }
        }
        Map<UUID, Scorer.Candidate> candidates = new HashMap<>();
        for (Peer peer : Peer.<Peer>list("status <> ?1", PeerStatus.LEFT)) {
            candidates.put(peer.id, Candidates.of(peer, offered.getOrDefault(peer.id, 0)));
        }
        return new Round(scoring.scorer(), candidates, countOfferedPlaces);
    }

    /** One scorer and one view of the peers for a run of shortlists; places offered in the run are counted. */
    private record Round(Scorer scorer, Map<UUID, Scorer.Candidate> candidates, boolean countOfferedPlaces) {
        void offered(UUID peerId) {
            candidates.computeIfPresent(peerId, (id, c) -> c.withOfferedPlaces(c.offeredPlaces() + 1));
        }
    }
}
