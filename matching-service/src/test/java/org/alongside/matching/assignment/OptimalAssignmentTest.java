package org.alongside.matching.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The solver is exactly optimal: against every assignment on small batches and OR-Tools on larger ones. */
class OptimalAssignmentTest {

    /** The seed of each instance is in the failure message, so any failure is reproducible on its own. */
    @Test
    void findsTheBestAssignmentOnThousandsOfSmallRandomBatches() {
        int[] steps = {1, 5, 25, 50, 100};
        for (long seed = 1; seed <= 3000; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int peers = random.nextInt(1, 5);
            Instance instance = Instance.random(random, random.nextInt(0, 8), peers, 0, random.nextInt(1, 4),
                    random.nextInt(0, peers + 1), steps[random.nextInt(steps.length)]);

            OptimalAssignment.Assignment found = OptimalAssignment.solve(instance.graph());

            String context = "seed " + seed;
            assertEquals(instance.bruteForce(), found.totalWeight(), context);
            assertEquals(found.totalWeight(), instance.weightOf(Instance.peersOf(found, instance.rows)), context);
            assertTrue(found.totalWeight() >= instance.weightOf(instance.greedy()), context);
        }
    }

    @Test
    void agreesWithOrToolsMinCostFlowOnLargerBatches() {
        record Shape(int rows, int peers, int minCapacity, int maxCapacity, int perRow, int scoreStep) {
        }
        Shape[] shapes = {
                new Shape(2000, 200, 1, 15, 20, 5),   // realistic: sparse, Scorer-like points
                new Shape(2000, 200, 1, 3, 20, 1),    // tight: far fewer places than referrals
                new Shape(2000, 200, 0, 15, 50, 25),  // coarse scores: many ties, broken by waiting
                new Shape(600, 100, 1, 8, 0, 5),      // dense: every referral a candidate of every peer
                new Shape(300, 300, 1, 1, 30, 1),     // one place each: plain assignment
        };
        long seed = 41;
        for (Shape shape : shapes) {
            for (int repeat = 0; repeat < 2; repeat++) {
                seed++;
                Instance instance = Instance.random(new SplittableRandom(seed), shape.rows(), shape.peers(),
                        shape.minCapacity(), shape.maxCapacity(), shape.perRow(), shape.scoreStep());
                String context = shape + " seed " + seed;

                OptimalAssignment.Assignment found = OptimalAssignment.solve(instance.graph());
                Instance.OrTools orTools = instance.orTools();
                try {
                    long best = orTools.solve();
                    assertEquals(best, instance.weightOf(orTools.peersOf(instance)), context);
                    assertEquals(best, found.totalWeight(), context);
                } finally {
                    orTools.release();
                }
                assertEquals(found.totalWeight(), instance.weightOf(Instance.peersOf(found, instance.rows)), context);
                long greedy = instance.weightOf(instance.greedy());
                assertTrue(instance.objective.totalScore(found.totalWeight())
                        >= instance.objective.totalScore(greedy), context);
            }
        }
    }

    @Test
    void movesAReferralToItsSecondChoiceWhenThatServesMoreWhereGreedyWouldNot() {
        // Ana: Sam 60, Kit 50. Ben: Sam 55 only. One place each.
        Instance instance = new Instance(new int[] {1, 1}, new int[] {0, 2, 3}, new int[] {0, 1, 0},
                new int[] {60, 50, 55}, new long[] {1, 2});

        OptimalAssignment.Assignment found = OptimalAssignment.solve(instance.graph());

        assertEquals(1, found.peerOf(0));
        assertEquals(0, found.peerOf(1));
        assertEquals(105, instance.objective.totalScore(found.totalWeight()));
        assertEquals(60, instance.objective.totalScore(instance.weightOf(instance.greedy())));
    }

    @Test
    void amongEqualScoresTheLongestWaitingReferralsAreServed() {
        // Three referrals, the same score 40 with the one peer, two places: the two who waited longest.
        Instance instance = new Instance(new int[] {2}, new int[] {0, 1, 2, 3}, new int[] {0, 0, 0},
                new int[] {40, 40, 40}, new long[] {10, 20, 30});

        OptimalAssignment.Assignment found = OptimalAssignment.solve(instance.graph());

        assertEquals(0, found.peerOf(0));
        assertEquals(0, found.peerOf(1));
        assertEquals(-1, found.peerOf(2));
    }

    @Test
    void noAmountOfWaitingOutweighsOnePointOfScore() {
        // 500 referrals; the one who waited least scores one point more than everyone else with the one place.
        int rows = 500;
        int[] rowStart = new int[rows + 1];
        int[] peers = new int[rows];
        int[] scores = new int[rows];
        long[] waitingSince = new long[rows];
        for (int row = 0; row < rows; row++) {
            rowStart[row + 1] = row + 1;
            scores[row] = row == rows - 1 ? 31 : 30;
            waitingSince[row] = row;
        }
        Instance instance = new Instance(new int[] {1}, rowStart, peers, scores, waitingSince);

        OptimalAssignment.Assignment found = OptimalAssignment.solve(instance.graph());

        assertEquals(1, found.assigned());
        assertEquals(0, found.peerOf(rows - 1));
        assertEquals(31, instance.objective.totalScore(found.totalWeight()));
    }

    @Test
    void referralsWithoutCandidatesAndPeersWithoutPlacesTakeNoPart() {
        // Row 0 has no candidates; peer 1 has no places; row 1's only candidate is peer 1.
        Instance instance = new Instance(new int[] {2, 0}, new int[] {0, 0, 1, 3}, new int[] {1, 0, 1},
                new int[] {90, 10, 90}, new long[] {1, 1, 1});

        OptimalAssignment.Assignment found = OptimalAssignment.solve(instance.graph());

        assertEquals(-1, found.peerOf(0));
        assertEquals(-1, found.peerOf(1));
        assertEquals(0, found.peerOf(2));
        assertEquals(1, found.assigned());
        assertEquals(0, OptimalAssignment.solve(new CandidateGraph.Builder(new int[0]).build()).assigned());
    }

    @Test
    void theObjectiveWeighsWaitingBelowOnePointOfScore() {
        WaitingFirst objective = WaitingFirst.of(new long[] {5, 5, 7, 9}, 100);
        // ranks from the newest: 9 -> 1, 7 -> 2, 5 -> 3 (twice); the scale is 3 + 3 + 2 + 1 + 1 = 10
        assertEquals(10 * 40 + 3, objective.weight(0, 40));
        assertEquals(objective.weight(0, 40), objective.weight(1, 40));
        assertEquals(10 * 40 + 1, objective.weight(3, 40));
        assertEquals(80, objective.totalScore(objective.weight(0, 40) + objective.weight(1, 40)));

        assertThrows(IllegalArgumentException.class, () -> WaitingFirst.of(new long[] {2, 1}, 100));
        long[] manyDays = new long[3_000_000];
        Arrays.setAll(manyDays, day -> day);
        assertThrows(IllegalArgumentException.class, () -> WaitingFirst.of(manyDays, 100));
    }
}
