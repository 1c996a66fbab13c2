package org.alongside.matching.assignment;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A synthetic batch: referrals longest-waiting first, each with candidate peers and a score per pair, and the
 * peers' free places; with the reference answers the solver is checked against (brute force, OR-Tools, greedy).
 */
final class Instance {

    static final int MAX_SCORE = 100;

    final int rows;
    final int[] capacities;
    final int[] rowStart;
    final int[] peers;
    final int[] scores;
    final long[] waitingSince;
    final WaitingFirst objective;

    Instance(int[] capacities, int[] rowStart, int[] peers, int[] scores, long[] waitingSince) {
        this.rows = rowStart.length - 1;
        this.capacities = capacities;
        this.rowStart = rowStart;
        this.peers = peers;
        this.scores = scores;
        this.waitingSince = waitingSince;
        this.objective = WaitingFirst.of(waitingSince, MAX_SCORE);
    }

    /**
     * @param perRow candidate peers of each referral, distinct and at random; 0 or at least {@code peers} for
     *     every peer
     * @param scoreStep scores are multiples of it up to 100, as the Scorer's points are of 5; a coarse step
     *     makes many ties
     */
    static Instance random(SplittableRandom random, int rows, int peerCount, int minCapacity, int maxCapacity,
            int perRow, int scoreStep) {
        int[] capacities = new int[peerCount];
        for (int p = 0; p < peerCount; p++) {
            capacities[p] = random.nextInt(minCapacity, maxCapacity + 1);
        }
        boolean dense = perRow <= 0 || perRow >= peerCount;
        int degree = dense ? peerCount : perRow;
        int[] rowStart = new int[rows + 1];
        int[] peers = new int[rows * degree];
        int[] scores = new int[rows * degree];
        boolean[] taken = new boolean[peerCount];
        int pairs = 0;
        for (int row = 0; row < rows; row++) {
            rowStart[row] = pairs;
            if (dense) {
                for (int p = 0; p < peerCount; p++) {
                    peers[pairs++] = p;
                }
            } else {
                // Floyd's sampling: degree distinct peers
                for (int j = peerCount - degree; j < peerCount; j++) {
                    int p = random.nextInt(j + 1);
                    if (taken[p]) {
                        p = j;
                    }
                    taken[p] = true;
                    peers[pairs++] = p;
                }
                for (int e = rowStart[row]; e < pairs; e++) {
                    taken[peers[e]] = false;
                }
            }
            for (int e = rowStart[row]; e < pairs; e++) {
                scores[e] = scoreStep * random.nextInt(MAX_SCORE / scoreStep + 1);
            }
        }
        rowStart[rows] = pairs;
        // Waiting days with ties: several referrals accepted on the same day.
        long[] waitingSince = new long[rows];
        for (int row = 0; row < rows; row++) {
            waitingSince[row] = random.nextInt(Math.max(1, rows / 3) + 1);
        }
        Arrays.sort(waitingSince);
        return new Instance(capacities, rowStart, peers, scores, waitingSince);
    }

    int pairs() {
        return rowStart[rows];
    }

    CandidateGraph graph() {
        CandidateGraph.Builder builder = new CandidateGraph.Builder(capacities).expectPairs(pairs());
        for (int row = 0; row < rows; row++) {
            builder.row();
            for (int e = rowStart[row]; e < rowStart[row + 1]; e++) {
                builder.candidate(peers[e], objective.weight(row, scores[e]));
            }
        }
        return builder.build();
    }

    /** The score of {@code row} with {@code peer}, or -1 when they are not candidates. */
    int score(int row, int peer) {
        for (int e = rowStart[row]; e < rowStart[row + 1]; e++) {
            if (peers[e] == peer) {
                return scores[e];
            }
        }
        return -1;
    }

    /** Checks that the assignment is feasible and returns its weight as the objective counts it. */
    long weightOf(int[] peerOfRow) {
        int[] load = new int[capacities.length];
        long total = 0;
        for (int row = 0; row < rows; row++) {
            int peer = peerOfRow[row];
            if (peer < 0) {
                continue;
            }
            int score = score(row, peer);
            if (score < 0) {
                throw new AssertionError("row " + row + " is not a candidate of peer " + peer);
            }
            if (++load[peer] > capacities[peer]) {
                throw new AssertionError("peer " + peer + " is over capacity " + capacities[peer]);
            }
            total += objective.weight(row, score);
        }
        return total;
    }

    static int[] peersOf(OptimalAssignment.Assignment assignment, int rows) {
        int[] peerOfRow = new int[rows];
        for (int row = 0; row < rows; row++) {
            peerOfRow[row] = assignment.peerOf(row);
        }
        return peerOfRow;
    }

    /**
     * Greedy: pairs from the heaviest down (highest score, then longest waiting), each taken while its referral is
     * unassigned and its peer has a place. Scores are small integers, so a counting sort orders the pairs.
     */
    int[] greedy() {
        int[] bucketStart = new int[MAX_SCORE + 2];
        for (int e = 0; e < pairs(); e++) {
            bucketStart[MAX_SCORE - scores[e] + 1]++;
        }
        for (int b = 1; b < bucketStart.length; b++) {
            bucketStart[b] += bucketStart[b - 1];
        }
        int[] order = new int[pairs()];
        int[] rowOf = new int[pairs()];
        int[] next = bucketStart.clone();
        for (int row = 0; row < rows; row++) {
            for (int e = rowStart[row]; e < rowStart[row + 1]; e++) {
                int slot = next[MAX_SCORE - scores[e]]++;
                order[slot] = e;
                rowOf[slot] = row;
            }
        }
        int[] load = new int[capacities.length];
        int[] peerOfRow = new int[rows];
        Arrays.fill(peerOfRow, -1);
        for (int k = 0; k < order.length; k++) {
            int row = rowOf[k];
            int peer = peers[order[k]];
            if (peerOfRow[row] < 0 && load[peer] < capacities[peer]) {
                peerOfRow[row] = peer;
                load[peer]++;
            }
        }
        return peerOfRow;
    }

    /** The best total weight by trying every assignment; for a handful of rows only. */
    long bruteForce() {
        return best(0, capacities.clone());
    }

    private long best(int row, int[] left) {
        if (row == rows) {
            return 0;
        }
        long best = best(row + 1, left);
        for (int e = rowStart[row]; e < rowStart[row + 1]; e++) {
            int peer = peers[e];
            if (left[peer] > 0) {
                left[peer]--;
                best = Math.max(best, objective.weight(row, scores[e]) + best(row + 1, left));
                left[peer]++;
            }
        }
        return best;
    }

    /** OR-Tools' min-cost flow on the same weights, ready to solve. */
    OrTools orTools() {
        return new OrTools(this);
    }

    /**
     * source -> referral (1) -> peer (capacity) -> sink at cost minus the weight, and source -> sink directly for
     * the referrals left waiting, so no flow is forced through a pair.
     */
    static final class OrTools {

        private final MinCostFlow flow;
        private final int rows;
        private final int firstPairArc;

        private OrTools(Instance instance) {
            Loader.loadNativeLibraries();
            rows = instance.rows;
            int peerCount = instance.capacities.length;
            int source = 0;
            int sink = rows + peerCount + 1;
            flow = new MinCostFlow(sink + 1, instance.pairs() + rows + peerCount + 1);
            flow.addArcWithCapacityAndUnitCost(source, sink, rows, 0);
            for (int row = 0; row < rows; row++) {
                flow.addArcWithCapacityAndUnitCost(source, 1 + row, 1, 0);
            }
            for (int p = 0; p < peerCount; p++) {
                flow.addArcWithCapacityAndUnitCost(1 + rows + p, sink, instance.capacities[p], 0);
            }
            firstPairArc = 1 + rows + peerCount;
            for (int row = 0; row < rows; row++) {
                for (int e = instance.rowStart[row]; e < instance.rowStart[row + 1]; e++) {
                    flow.addArcWithCapacityAndUnitCost(1 + row, 1 + rows + instance.peers[e], 1,
                            -instance.objective.weight(row, instance.scores[e]));
                }
            }
            flow.setNodeSupply(source, rows);
            flow.setNodeSupply(sink, -rows);
        }

        /** Solves and returns the best total weight. */
        long solve() {
            MinCostFlowBase.Status status = flow.solve();
            if (status != MinCostFlowBase.Status.OPTIMAL) {
                throw new IllegalStateException("OR-Tools min-cost flow: " + status);
            }
            return -flow.getOptimalCost();
        }

        /** After {@link #solve}: each row's peer or -1, to check the flow is a feasible assignment. */
        int[] peersOf(Instance instance) {
            int[] peerOfRow = new int[rows];
            Arrays.fill(peerOfRow, -1);
            int arc = firstPairArc;
            for (int row = 0; row < rows; row++) {
                for (int e = instance.rowStart[row]; e < instance.rowStart[row + 1]; e++, arc++) {
                    if (flow.getFlow(arc) > 0) {
                        peerOfRow[row] = instance.peers[e];
                    }
                }
            }
            return peerOfRow;
        }

        void release() {
            flow.delete();
        }
    }
}
