package org.alongside.matching.assignment;

import java.util.Arrays;

/**
 * Who may be assigned to whom: rows (referrals) in order, each with its candidate peers and the weight of that
 * pair, and each peer's free places. Stored as compressed rows of primitive arrays, so a graph of ten million
 * pairs costs 12 bytes a pair and no objects.
 */
public final class CandidateGraph {

    private final int[] capacities;
    private final int[] rowStart;
    private final int[] peers;
    private final long[] weights;

    private CandidateGraph(int[] capacities, int[] rowStart, int[] peers, long[] weights) {
        this.capacities = capacities;
        this.rowStart = rowStart;
        this.peers = peers;
        this.weights = weights;
    }

    public int rows() {
        return rowStart.length - 1;
    }

    public int peerCount() {
        return capacities.length;
    }

    public int pairs() {
        return rowStart[rowStart.length - 1];
    }

    public int capacity(int peer) {
        return capacities[peer];
    }

    /** The first pair of {@code row}; its pairs are {@code firstPair(row)} to {@code firstPair(row + 1) - 1}. */
    public int firstPair(int row) {
        return rowStart[row];
    }

    public int peer(int pair) {
        return peers[pair];
    }

    public long weight(int pair) {
        return weights[pair];
    }

    /** Adds rows one after another, each followed by its candidates. */
    public static final class Builder {

        private final int[] capacities;
        private int[] rowStart = new int[16];
        private int rows;
        private int[] peers;
        private long[] weights;
        private int pairs;

        /** {@code capacities[p]} is how many rows peer {@code p} can still take. */
        public Builder(int[] capacities) {
            for (int capacity : capacities) {
                if (capacity < 0) {
                    throw new IllegalArgumentException("a capacity cannot be negative: " + capacity);
                }
            }
            this.capacities = capacities.clone();
            this.peers = new int[64];
            this.weights = new long[64];
        }

        public Builder expectPairs(int expected) {
            if (expected > peers.length) {
                peers = Arrays.copyOf(peers, expected);
                weights = Arrays.copyOf(weights, expected);
            }
            return this;
        }

        /** Starts the next row; its index is the number of rows started before it. */
        public Builder row() {
            if (rows + 1 >= rowStart.length) {
                rowStart = Arrays.copyOf(rowStart, rowStart.length * 2);
            }
            rowStart[rows++] = pairs;
            return this;
        }

        /**
         * A candidate pair of the current row. Only positive weights are worth assigning, and a peer without
         * places can take no one, so such pairs are left out here rather than carried through the search.
         */
        public Builder candidate(int peer, long weight) {
            if (rows == 0) {
                throw new IllegalStateException("start a row before adding its candidates");
            }
            if (peer < 0 || peer >= capacities.length) {
                throw new IllegalArgumentException("no peer " + peer);
            }
            if (weight <= 0 || capacities[peer] == 0) {
                return this;
            }
            if (pairs == peers.length) {
                int grown = Math.max(64, pairs + (pairs >> 1));
                peers = Arrays.copyOf(peers, grown);
                weights = Arrays.copyOf(weights, grown);
            }
            peers[pairs] = peer;
            weights[pairs] = weight;
            pairs++;
            return this;
        }

        public CandidateGraph build() {
            int[] starts = Arrays.copyOf(rowStart, rows + 1);
            starts[rows] = pairs;
            return new CandidateGraph(capacities, starts, Arrays.copyOf(peers, pairs), Arrays.copyOf(weights, pairs));
        }
    }
}
