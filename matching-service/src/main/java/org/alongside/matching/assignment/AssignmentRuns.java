package org.alongside.matching.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.alongside.matching.peers.Peer;
import org.alongside.matching.peers.PeerStatus;
import org.alongside.matching.proposals.Candidates;
import org.alongside.matching.proposals.DoNotMatch;
import org.alongside.matching.proposals.MatchingStatus;
import org.alongside.matching.proposals.Proposal;
import org.alongside.matching.proposals.ProposalStatus;
import org.alongside.matching.proposals.Referral;
import org.alongside.matching.proposals.Scorer;
import org.alongside.matching.proposals.Scoring;
import org.alongside.platform.events.matches.MatchProposed;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Assigns the referrals not yet matched to peers with free places, at most one peer each, maximising the total
 * score and, among equal totals, serving the longest-waiting referrals (see {@link WaitingFirst}). Each assignment
 * is an ordinary proposal that a coordinator confirms or declines: a proposal already open for that pair, or a new
 * one.
 */
@ApplicationScoped
public class AssignmentRuns {

    private static final Logger LOG = Logger.getLogger(AssignmentRuns.class);
    /** Advisory lock key: one run at a time, so two runs never hand out the same places at once. */
    private static final long RUN_LOCK = 0x4153_5349_474e_4d54L;
    private static final List<MatchingStatus> UNMATCHED = List.of(MatchingStatus.WAITING, MatchingStatus.PROPOSED);

    private final Outbox outbox;
    private final Clock clock;
    private final Scoring scoring;

    AssignmentRuns(Outbox outbox, Clock clock, Scoring scoring) {
        this.outbox = outbox;
        this.clock = clock;
        this.scoring = scoring;
    }

    /** One referral's candidates from the Scorer (peer index, score), or why it has none. */
    private record Fit(int[] peers, int[] scores, String noFitReason) {
    }

    /** A referral's proposals as the run needs them: open ones by peer, and peers turned down or withdrawn. */
    private record History(Map<UUID, Proposal> open, Set<UUID> ruledOut, int maxRank) {
    }

    /** The peers not LEFT, by index: each as a candidate, and the places each has free. */
    private record Places(List<Peer> peers, List<Scorer.Candidate> candidates, Map<UUID, Integer> index, int[] free,
            int peersWithPlaces, int total) {
    }

    /** One unmatched referral of the run: its proposals so far, what it needs, and the peers who fit it. */
    private record Row(Referral referral, History history, Scorer.Needs needs, Fit fit) {
    }

    @Transactional
    public UUID run(String requestedBy) {
        EntityManager em = AssignmentRun.getEntityManager();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, RUN_LOCK).getSingleResult();
        em.flush();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Referral> referrals = lockUnmatched(em);
        Map<UUID, History> histories = histories(em);
        Map<UUID, Set<UUID>> doNotMatch = doNotMatch(em);
        Places places = places(Peer.list("status <> ?1 order by id", PeerStatus.LEFT));
        Scorer scorer = scoring.scorer();
        List<Row> rows = rows(referrals, histories, doNotMatch, scorer, places);

        WaitingFirst objective = WaitingFirst.of(waitingSince(rows), Scorer.MAX_SCORE);
        CandidateGraph graph = graph(rows, places, objective);
        long started = System.nanoTime();
        OptimalAssignment.Assignment assignment = OptimalAssignment.solve(graph);
        long solveMillis = (System.nanoTime() - started) / 1_000_000;

        AssignmentRun run = new AssignmentRun();
        run.id = UUID.randomUUID();
        run.requestedBy = requestedBy;
        run.ranAt = now;
        run.referrals = rows.size();
        run.peersWithPlaces = places.peersWithPlaces();
        run.places = places.total();
        run.candidatePairs = graph.pairs();
        run.assigned = assignment.assigned();
        run.totalScore = objective.totalScore(assignment.totalWeight());
        run.solveMillis = solveMillis;
        run.persist();
        file(run, rows, assignment, places, scorer, now);
        LOG.infof("Assignment run %s by %s: %d of %d unmatched referrals assigned (%d new proposals), total score "
                        + "%d, %d candidate pairs, %d free places, solved in %d ms", run.id, requestedBy, run.assigned,
                run.referrals, run.newProposals, run.totalScore, run.candidatePairs, places.total(), solveMillis);
        return run.id;
    }

    /**
     * The referrals not yet matched, longest waiting first, locked in the service's order (referral before peer);
     * one being decided right now is left out.
     */
    private static List<Referral> lockUnmatched(EntityManager em) {
        @SuppressWarnings("unchecked")
        Set<UUID> ids = Set.copyOf(em.createNativeQuery("""
                        SELECT r.id FROM referral r WHERE r.status IN ('WAITING', 'PROPOSED') AND NOT EXISTS (
                            SELECT 1 FROM peer_match m WHERE m.referral_id = r.id AND m.ended_at IS NULL)
                        ORDER BY r.id FOR UPDATE OF r SKIP LOCKED""").getResultList());
        return Referral.<Referral>list("status in ?1", UNMATCHED).stream()
                .filter(r -> ids.contains(r.id))
                .sorted(Comparator.comparing((Referral r) -> r.acceptedAt).thenComparing(r -> r.id))
                .toList();
    }

    /** Every peer not LEFT, and their free places: offers in open proposals take none, the run re-decides them all. */
    private static Places places(List<Peer> peers) {
        int[] free = new int[peers.size()];
        int peersWithPlaces = 0;
        int total = 0;
        Map<UUID, Integer> index = new HashMap<>();
        List<Scorer.Candidate> candidates = new ArrayList<>();
        for (int p = 0; p < peers.size(); p++) {
            Peer peer = peers.get(p);
            index.put(peer.id, p);
            candidates.add(Candidates.of(peer, 0));
            free[p] = peer.status == PeerStatus.ACTIVE ? Math.max(0, peer.capacity - peer.activeClients) : 0;
            if (free[p] > 0) {
                peersWithPlaces++;
                total += free[p];
            }
        }
        return new Places(peers, candidates, index, free, peersWithPlaces, total);
    }

    /** What each referral needs and the peers who fit it, scored in parallel: the Scorer is pure. */
    private static List<Row> rows(List<Referral> referrals, Map<UUID, History> histories,
            Map<UUID, Set<UUID>> doNotMatch, Scorer scorer, Places places) {
        // A proposal already open for a pair stays a candidate; peers turned down or withdrawn for it do not.
        List<Scorer.Needs> needs = referrals.stream().map(r -> r.needs(doNotMatch.getOrDefault(r.id, Set.of()),
                history(histories, r.id).ruledOut(), false)).toList();
        List<Fit> fits = needs.parallelStream().map(n -> fit(scorer, n, places.candidates(), places.index()))
                .toList();
        List<Row> rows = new ArrayList<>();
        for (int row = 0; row < referrals.size(); row++) {
            Referral referral = referrals.get(row);
            rows.add(new Row(referral, history(histories, referral.id), needs.get(row), fits.get(row)));
        }
        return rows;
    }

    /** When each referral started waiting, in microseconds: the tie-break of equal scores. */
    private static long[] waitingSince(List<Row> rows) {
        long[] waitingSince = new long[rows.size()];
        for (int row = 0; row < rows.size(); row++) {
            Instant since = rows.get(row).referral().acceptedAt.toInstant();
            waitingSince[row] = since.getEpochSecond() * 1_000_000 + since.getNano() / 1_000;
        }
        return waitingSince;
    }

    /** Each referral's fitting peers, weighted by score and wait, against the peers' free places. */
    private static CandidateGraph graph(List<Row> rows, Places places, WaitingFirst objective) {
        CandidateGraph.Builder builder = new CandidateGraph.Builder(places.free())
                .expectPairs(rows.stream().mapToInt(row -> row.fit().peers().length).sum());
        for (int row = 0; row < rows.size(); row++) {
            builder.row();
            Fit fit = rows.get(row).fit();
            Map<UUID, Proposal> open = rows.get(row).history().open();
            // Pairs with a proposal already open first: between equally good peers a bid takes the first, so
            // ties tend to keep the proposals people have already seen.
            for (boolean opened : new boolean[] {true, false}) {
                for (int k = 0; k < fit.peers().length; k++) {
                    if (open.containsKey(places.peers().get(fit.peers()[k]).id) == opened) {
                        builder.candidate(fit.peers()[k], objective.weight(row, fit.scores()[k]));
                    }
                }
            }
        }
        return builder.build();
    }

    /**
     * Files each referral under the run: the proposal it was assigned (the one already open for the pair, or a new
     * one), or why it got none.
     */
    private void file(AssignmentRun run, List<Row> rows, OptimalAssignment.Assignment assignment, Places places,
            Scorer scorer, OffsetDateTime now) {
        for (int row = 0; row < rows.size(); row++) {
            Row r = rows.get(row);
            AssignmentRunReferral entry = new AssignmentRunReferral();
            entry.runId = run.id;
            entry.referralId = r.referral().id;
            entry.waitingSince = r.referral().acceptedAt;
            int peer = assignment.peerOf(row);
            if (peer < 0) {
                entry.reason = unassigned(r.fit());
            } else {
                Proposal open = r.history().open().get(places.peers().get(peer).id);
                if (open != null) {
                    entry.proposalId = open.id;
                } else {
                    entry.proposalId = propose(r.referral(), r.history(), scorer, r.needs(),
                            places.candidates().get(peer), now);
                    entry.proposedByRun = true;
                    run.newProposals++;
                }
            }
            entry.persist();
        }
    }

    public AssignmentRunView view(UUID id) {
        AssignmentRun run = AssignmentRun.findById(id);
        if (run == null) {
            throw ProblemException.notFound("Assignment run", id);
        }
        List<AssignmentRunReferral> entries = AssignmentRunReferral.list(
                "runId = ?1 order by waitingSince, referralId", id);
        Map<UUID, Proposal> proposals = Proposal.<Proposal>list(
                        "id in (select e.proposalId from AssignmentRunReferral e where e.runId = ?1)", id).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        Map<UUID, String> names = Peer.<Peer>list(
                        "id in (select p.peerId from Proposal p, AssignmentRunReferral e "
                                + "where e.runId = ?1 and p.id = e.proposalId)", id).stream()
                .collect(Collectors.toMap(p -> p.id, p -> p.displayName));
        Map<UUID, MatchingStatus> statuses = new HashMap<>();
        for (Object[] row : AssignmentRun.getEntityManager().createQuery("""
                        select r.id, r.status from Referral r, AssignmentRunReferral e
                        where e.runId = :run and r.id = e.referralId and e.proposalId is null""", Object[].class)
                .setParameter("run", id).getResultList()) {
            statuses.put((UUID) row[0], (MatchingStatus) row[1]);
        }
        List<AssignmentRunView.Assigned> assigned = new ArrayList<>();
        List<AssignmentRunView.Unassigned> unassigned = new ArrayList<>();
        for (AssignmentRunReferral entry : entries) {
            if (entry.proposalId == null) {
                unassigned.add(new AssignmentRunView.Unassigned(entry.referralId, entry.waitingSince,
                        statuses.get(entry.referralId), entry.reason));
            } else {
                Proposal p = proposals.get(entry.proposalId);
                assigned.add(new AssignmentRunView.Assigned(p.id, entry.referralId, entry.waitingSince, p.peerId,
                        names.get(p.peerId), p.score, p.reasons, p.status, entry.proposedByRun));
            }
        }
        return new AssignmentRunView(run.id, run.requestedBy, run.ranAt, run.referrals, run.peersWithPlaces,
                run.places, run.candidatePairs, run.assigned, run.newProposals, run.totalScore, run.solveMillis,
                assigned, unassigned);
    }

    private UUID propose(Referral referral, History history, Scorer scorer, Scorer.Needs needs,
            Scorer.Candidate candidate, OffsetDateTime now) {
        // Scored again for this one pair: reasons are kept only for the proposals made, not for every pair.
        Scorer.Scored scored = scorer.rank(needs, List.of(candidate), 1).ranked().get(0);
        Proposal proposal = new Proposal();
        proposal.id = UUID.randomUUID();
        proposal.referralId = referral.id;
        proposal.peerId = candidate.peerId();
        proposal.rank = history.maxRank() + 1;
        proposal.score = scored.score();
        proposal.reasons = scored.reasons();
        proposal.status = ProposalStatus.PROPOSED;
        proposal.taxonomyVersion = scorer.taxonomyVersion();
        proposal.proposedAt = now;
        proposal.persist();
        referral.status = MatchingStatus.PROPOSED;
        referral.waitingReason = null;
        referral.waitingSince = null;
        referral.updatedAt = now;
        outbox.publish(new MatchProposed(referral.id,
                List.of(new MatchProposed.Item(proposal.id, proposal.peerId, proposal.rank, proposal.score)), now));
        return proposal.id;
    }

    private static Fit fit(Scorer scorer, Scorer.Needs needs, List<Scorer.Candidate> candidates,
            Map<UUID, Integer> peerIndex) {
        Scorer.Shortlist shortlist = scorer.rank(needs, candidates, Integer.MAX_VALUE);
        List<Scorer.Scored> ranked = shortlist.ranked();
        int[] peers = new int[ranked.size()];
        int[] scores = new int[ranked.size()];
        for (int k = 0; k < ranked.size(); k++) {
            peers[k] = peerIndex.get(ranked.get(k).candidate().peerId());
            scores[k] = ranked.get(k).score();
        }
        return new Fit(peers, scores, shortlist.waitingReason());
    }

    private static String unassigned(Fit fit) {
        int eligible = fit.peers().length;
        if (eligible == 0) {
            return fit.noFitReason();
        }
        return "No place this run: the places of " + (eligible == 1 ? "the peer who fits" : "the " + eligible
                + " peers who fit") + " went to referrals that score higher with them or have waited longer";
    }

    private static History history(Map<UUID, History> histories, UUID referralId) {
        return histories.getOrDefault(referralId, new History(Map.of(), Set.of(), 0));
    }

    /** The proposals of every unmatched referral, in one query. */
    private static Map<UUID, History> histories(EntityManager em) {
        Map<UUID, List<Proposal>> byReferral = em.createQuery("""
                        select p from Proposal p where p.referralId in (
                            select r.id from Referral r where r.status in :unmatched)""", Proposal.class)
                .setParameter("unmatched", UNMATCHED)
                .getResultList().stream()
                .collect(Collectors.groupingBy(p -> p.referralId));
        Map<UUID, History> histories = new HashMap<>();
        byReferral.forEach((referralId, proposals) -> {
            Map<UUID, Proposal> open = new HashMap<>();
            Set<UUID> ruledOut = new HashSet<>();
            for (Proposal p : proposals) {
                if (p.status == ProposalStatus.PROPOSED) {
                    open.put(p.peerId, p);
                } else if (p.status == ProposalStatus.DECLINED || p.status == ProposalStatus.WITHDRAWN) {
                    ruledOut.add(p.peerId);
                }
            }
            histories.put(referralId, new History(open, ruledOut,
                    proposals.stream().mapToInt(p -> p.rank).max().orElse(0)));
        });
        return histories;
    }

    /** The peers coordinators ruled out for each unmatched referral, in one query. */
    private static Map<UUID, Set<UUID>> doNotMatch(EntityManager em) {
        Map<UUID, Set<UUID>> ruledOut = new HashMap<>();
        for (DoNotMatch d : em.createQuery("""
                        select d from DoNotMatch d where d.referralId in (
                            select r.id from Referral r where r.status in :unmatched)""", DoNotMatch.class)
                .setParameter("unmatched", UNMATCHED).getResultList()) {
            ruledOut.computeIfAbsent(d.referralId, id -> new HashSet<>()).add(d.peerId);
        }
        return ruledOut;
    }
}
