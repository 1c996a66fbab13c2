package org.alongside.matching.assignment;

import java.util.Arrays;

/**
 * The maximum-weight assignment of rows to peers within the peers' capacities, where a row may also stay
 * unassigned: a maximum-weight b-matching on the candidate graph, exactly.
 *
 * <p>Method: the auction algorithm with epsilon-scaling (Bertsekas) on an equivalent square assignment problem.
 * Each peer's capacity becomes that many places ("slots"), and each row gets a private "stay waiting" object worth
 * nothing to it, so every row is always placed somewhere. To make the problem square, and so the auction exact,
 * there is one filler for every slot: fillers value every slot and every stay-waiting object at zero, and take up
 * whatever the rows leave, so an empty place or a waiting row costs nothing. Any assignment of the rows extends to
 * the square problem at the same weight and back, so the optima agree.
 *
 * <p>Weights are multiplied by (persons + 1). A phase of the auction ends with every person (row or filler) holding
 * an object within {@code eps} of the best value open to it; with the final {@code eps} of 1 the total is then within
 * persons/(persons + 1) &lt; 1 of the optimum in the original integer weights, so it is the optimum. Earlier phases
 * with larger {@code eps} only find good prices fast; each starts with everyone unassigned and keeps the prices.
 *
 * <p>For speed: a bid scans the row's candidate peers once, seeing each peer's cheapest slot (kept per peer in a
 * small heap); fillers bid for the cheapest object of all (a heap over every object). Primitive arrays throughout.
 */
public final class OptimalAssignment {

    /** Each phase divides eps by this; 4 did best on all the benchmark's batches (docs/matching-assignment.md). */
    private static final long EPS_FACTOR = 4;

    /** The result: each row's peer, or -1 when it stays unassigned. */
    public static final class Assignment {

        private final int[] peerOfRow;
        private final long totalWeight;
        private final int assigned;

        private Assignment(int[] peerOfRow, long totalWeight, int assigned) {
            this.peerOfRow = peerOfRow;
            this.totalWeight = totalWeight;
            this.assigned = assigned;
        }

        public int peerOf(int row) {
            return peerOfRow[row];
        }

        public long totalWeight() {
            return totalWeight;
        }

        public int assigned() {
            return assigned;
        }
    }

    private final CandidateGraph graph;
    private final int rows;
    private final int slots;
    private final int objects;
    private final int persons;
    /** Objects are the slots 0..slots-1, then each row's stay-waiting object. Persons: rows, then fillers. */
    private final int[] slotStart;
    private final int[] slotPeer;
    private final long[] weight;
    private final long maxWeight;
    private final long[] price;
    private final int[] holder;
    private final int[] holds;
    /** Per peer, its slots as a min-heap on price, in slotStart[p]..; and each peer's cheapest slot's price. */
    private final int[] peerHeap;
    private final int[] peerHeapIndex;
    private final long[] cheapest;
    /** All objects as a min-heap on price: what a filler bids for. */
    private final int[] heap;
    private final int[] heapIndex;
    private final int[] queue;

    private OptimalAssignment(CandidateGraph graph) {
        this.graph = graph;
        rows = graph.rows();
        int peers = graph.peerCount();
        slotStart = new int[peers + 1];
        for (int p = 0; p < peers; p++) {
            // a peer never holds more rows than there are
            slotStart[p + 1] = slotStart[p] + Math.min(graph.capacity(p), rows);
        }
        slots = slotStart[peers];
        objects = slots + rows;
        persons = rows + slots;
        slotPeer = new int[slots];
        for (int p = 0; p < peers; p++) {
            Arrays.fill(slotPeer, slotStart[p], slotStart[p + 1], p);
        }

        long scale = persons + 1L;
        long max = 0;
        for (int e = 0; e < graph.pairs(); e++) {
            max = Math.max(max, graph.weight(e));
        }
        // Prices stay within a few times the largest scaled weight: keep ample room (bids also add exactly).
        if (max > Long.MAX_VALUE / 8 / scale) {
            throw new IllegalArgumentException("weights up to " + max + " for " + persons
                    + " rows and places are too large to solve exactly in 64 bits");
        }
        weight = new long[graph.pairs()];
        for (int e = 0; e < weight.length; e++) {
            weight[e] = graph.weight(e) * scale;
        }
        maxWeight = max * scale;

        price = new long[objects];
        holder = new int[objects];
        holds = new int[persons];
        peerHeap = new int[slots];
        peerHeapIndex = new int[slots];
        for (int s = 0; s < slots; s++) {
            peerHeap[s] = s;
            peerHeapIndex[s] = s;
        }
        cheapest = new long[peers];
        heap = new int[objects];
        heapIndex = new int[objects];
        for (int o = 0; o < objects; o++) {
            heap[o] = o;
            heapIndex[o] = o;
        }
        queue = new int[Math.max(1, persons)];
    }

    public static Assignment solve(CandidateGraph graph) {
        return new OptimalAssignment(graph).run();
    }

    private Assignment run() {
        long eps = Math.max(1, maxWeight / 8);
        while (true) {
            auction(eps);
            if (eps == 1) {
                break;
            }
            eps = Math.max(1, eps / EPS_FACTOR);
        }
        int[] peerOfRow = new int[rows];
        long total = 0;
        int assigned = 0;
        for (int row = 0; row < rows; row++) {
            int object = holds[row];
            peerOfRow[row] = object < slots ? slotPeer[object] : -1;
            if (object < slots) {
                assigned++;
                total += weightOf(row, peerOfRow[row]);
            }
        }
        return new Assignment(peerOfRow, total, assigned);
    }

    private long weightOf(int row, int peer) {
        long best = 0;
        for (int e = graph.firstPair(row), end = graph.firstPair(row + 1); e < end; e++) {
            if (graph.peer(e) == peer) {
                best = Math.max(best, graph.weight(e));
            }
        }
        return best;
    }

    /** One phase: everyone starts unassigned and bids (Gauss-Seidel) until everyone holds an object. */
    private void auction(long eps) {
        Arrays.fill(holder, -1);
        for (int p = 0; p < persons; p++) {
            queue[p] = p;
        }
        int head = 0;
        int tail = 0;
        int waiting = persons;
        while (waiting > 0) {
            int person = queue[head];
            head = head + 1 == persons ? 0 : head + 1;
            waiting--;
            int target = person < rows ? rowBid(person, eps) : fillerBid(eps);
            int outbid = holder[target];
            holder[target] = person;
            holds[person] = target;
            if (outbid >= 0) {
                queue[tail] = outbid;
                tail = tail + 1 == persons ? 0 : tail + 1;
                waiting++;
            }
        }
    }

    /**
     * The row's best object now (a candidate peer's cheapest slot, or staying waiting), bid up so that it is
     * worth {@code eps} less to the row than the second best.
     */
    private int rowBid(int row, long eps) {
        int stay = slots + row;
        long best = -price[stay];
        long second = Long.MIN_VALUE;
        int bestPeer = -1;
        long bestWeight = 0;
        for (int e = graph.firstPair(row), end = graph.firstPair(row + 1); e < end; e++) {
            int peer = graph.peer(e);
            long value = weight[e] - cheapest[peer];
            if (value > best) {
                second = best;
                best = value;
                bestPeer = peer;
                bestWeight = weight[e];
            } else if (value > second) {
                second = value;
            }
        }
        int target = stay;
        if (bestPeer >= 0) {
            int base = slotStart[bestPeer];
            int size = slotStart[bestPeer + 1] - base;
            target = peerHeap[base];
            // the peer's next-cheapest slot is an alternative too
            if (size > 1) {
                long next = price[peerHeap[base + 1]];
                if (size > 2) {
                    next = Math.min(next, price[peerHeap[base + 2]]);
                }
                second = Math.max(second, bestWeight - next);
            }
        }
        if (second == Long.MIN_VALUE) {
            // Only staying waiting is open to it: any finite second best keeps the bid valid.
            second = best;
        }
        // exact arithmetic: an overflow would fail loudly rather than bid wrongly
        raise(target, Math.addExact(price[target], Math.addExact(Math.subtractExact(best, second), eps)));
        return target;
    }

    /** The cheapest object of all, bid up to {@code eps} above the next cheapest. */
    private int fillerBid(long eps) {
        int target = heap[0];
        long next = objects > 1 ? price[heap[1]] : price[target];
        if (objects > 2) {
            next = Math.min(next, price[heap[2]]);
        }
        raise(target, Math.addExact(next, eps));
        return target;
    }

    /** Prices only rise within a phase, so both heaps only ever sift down. */
    private void raise(int object, long newPrice) {
        price[object] = newPrice;
        siftDown(heap, heapIndex, 0, objects, object);
        if (object < slots) {
            int peer = slotPeer[object];
            int base = slotStart[peer];
            siftDown(peerHeap, peerHeapIndex, base, slotStart[peer + 1] - base, object);
            cheapest[peer] = price[peerHeap[base]];
        }
    }

    /** Sifts {@code object} down the min-heap stored in {@code heap[base..base+size)}. */
    private void siftDown(int[] heap, int[] index, int base, int size, int object) {
        int i = index[object] - base;
        long p = price[object];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && price[heap[base + child + 1]] < price[heap[base + child]]) {
                child++;
            }
            int below = heap[base + child];
            if (price[below] >= p) {
                break;
            }
            heap[base + i] = below;
            index[below] = base + i;
            i = child;
        }
        heap[base + i] = object;
        index[object] = base + i;
    }
}
