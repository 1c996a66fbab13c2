package org.alongside.matching.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.alongside.matching.proposals.DocumentedWeights;
import org.alongside.matching.proposals.Scorer;
import org.alongside.matching.taxonomy.Taxonomy;
import org.alongside.matching.vocabulary.Condition;
import org.alongside.matching.vocabulary.ConditionKind;
import org.alongside.matching.vocabulary.Gender;
import org.alongside.matching.vocabulary.Medium;
import org.alongside.matching.vocabulary.Setting;

/**
 * Times the batch assignment against OR-Tools' min-cost flow and greedy on the same synthetic batches: 10,000
 * waiting referrals and 1,000 peers with 1-15 free places, sparse (50 candidate peers each) and dense (every
 * peer a candidate), with scores drawn uniformly from 0, 5, ..., 100; and a "scored" batch whose 50 sampled
 * peers per referral are scored by the real {@link Scorer} on synthetic profiles (conditions drawn by how common
 * they are, languages, formats, gender preferences), so its scores and ties look like a service's. Run by
 * {@code bench/matching-assignment.sh}; never part of the test suite.
 *
 * <p>Arguments: {@code [sparse|dense|scored|all] [repeats] [seed]}. Each solver runs once untimed to warm the JIT (and
 * load OR-Tools), then {@code repeats} timed runs on the same instance; medians are reported. Times are of solving
 * only: building our candidate graph and OR-Tools' arcs (through JNI) is timed separately.
 */
public final class AssignmentBenchmark {

    private AssignmentBenchmark() {
    }

    public static void main(String[] args) {
        String variant = args.length > 0 ? args[0] : "all";
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261127L;
        System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MiB, seed %d, %d timed runs each%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, seed, repeats);
        if (variant.equals("sparse") || variant.equals("all")) {
            run("sparse: 10,000 x 1,000, 50 candidates each", Instance.random(new SplittableRandom(seed), 10_000,
                    1_000, 1, 15, 50, 5), repeats);
        }
        if (variant.equals("scored") || variant.equals("all")) {
            run("scored: 10,000 x 1,000, 50 sampled peers each, scored by the Scorer",
                    scored(new SplittableRandom(seed + 2), 10_000, 1_000, 50), repeats);
        }
        if (variant.equals("dense") || variant.equals("all")) {
            run("dense: 10,000 x 1,000, every pair a candidate", Instance.random(new SplittableRandom(seed + 1),
                    10_000, 1_000, 1, 15, 0, 5), repeats);
        }
    }

    private static void run(String name, Instance instance, int repeats) {
        int places = Arrays.stream(instance.capacities).sum();
        System.out.printf(Locale.ROOT, "%n%s: %,d pairs, %,d places for %,d referrals%n", name, instance.pairs(),
                places, instance.rows);

        long[] build = new long[repeats];
        long[] ours = new long[repeats];
        OptimalAssignment.Assignment found = null;
        for (int run = -1; run < repeats; run++) {
            long t0 = System.nanoTime();
            CandidateGraph graph = instance.graph();
            long t1 = System.nanoTime();
            found = OptimalAssignment.solve(graph);
            long t2 = System.nanoTime();
            if (run >= 0) {
                build[run] = t1 - t0;
                ours[run] = t2 - t1;
            }
        }
        long ourWeight = instance.weightOf(Instance.peersOf(found, instance.rows));
        if (ourWeight != found.totalWeight()) {
            throw new IllegalStateException("the solver's total " + found.totalWeight() + " is not its assignment's "
                    + ourWeight);
        }

        long[] orBuild = new long[repeats];
        long[] orSolve = new long[repeats];
        long orWeight = 0;
        for (int run = -1; run < repeats; run++) {
            long t0 = System.nanoTime();
            Instance.OrTools orTools = instance.orTools();
            long t1 = System.nanoTime();
            orWeight = orTools.solve();
            long t2 = System.nanoTime();
            orTools.release();
            if (run >= 0) {
                orBuild[run] = t1 - t0;
                orSolve[run] = t2 - t1;
            }
        }

        long[] greedyTimes = new long[repeats];
        int[] greedy = null;
        for (int run = -1; run < repeats; run++) {
            long t0 = System.nanoTime();
            greedy = instance.greedy();
            long t1 = System.nanoTime();
            if (run >= 0) {
                greedyTimes[run] = t1 - t0;
            }
        }
        long greedyWeight = instance.weightOf(greedy);
        int greedyAssigned = (int) Arrays.stream(greedy).filter(peer -> peer >= 0).count();

        WaitingFirst objective = instance.objective;
        System.out.printf(Locale.ROOT, "  %-9s solve %8s ms (runs %s)  build %6s ms  total score %,d  assigned %,d%n",
                "ours", ms(median(ours)), all(ours), ms(median(build)), objective.totalScore(found.totalWeight()),
                found.assigned());
        System.out.printf(Locale.ROOT, "  %-9s solve %8s ms (runs %s)  build %6s ms  total score %,d  same optimum: %s%n",
                "OR-Tools", ms(median(orSolve)), all(orSolve), ms(median(orBuild)), objective.totalScore(orWeight),
                orWeight == found.totalWeight() ? "yes (equal weight)" : "NO: weight " + orWeight + " vs "
                        + found.totalWeight());
        System.out.printf(Locale.ROOT, "  %-9s solve %8s ms (runs %s)  total score %,d  assigned %,d%n",
                "greedy", ms(median(greedyTimes)), all(greedyTimes), objective.totalScore(greedyWeight),
                greedyAssigned);
        long gain = objective.totalScore(found.totalWeight()) - objective.totalScore(greedyWeight);
        System.out.printf(Locale.ROOT, "  OR-Tools / ours: %.2fx; ours scores %,d more than greedy (+%.2f%%)%n",
                (double) median(orSolve) / median(ours), gain,
                100.0 * gain / objective.totalScore(greedyWeight));
        if (orWeight != found.totalWeight()) {
            throw new IllegalStateException("OR-Tools and the solver disagree on the optimum");
        }
    }

    private static final Condition[] CONDITIONS = {
            new Condition("44054006", "Type 2 diabetes mellitus", ConditionKind.PHYSICAL),
            new Condition("35489007", "Depressive disorder", ConditionKind.MENTAL),
            new Condition("197480006", "Anxiety disorder", ConditionKind.MENTAL),
            new Condition("13645005", "Chronic obstructive lung disease", ConditionKind.PHYSICAL),
            new Condition("195967001", "Asthma", ConditionKind.PHYSICAL),
            new Condition("82423001", "Chronic pain", ConditionKind.PHYSICAL),
            new Condition("84114007", "Heart failure", ConditionKind.PHYSICAL),
            new Condition("709044004", "Chronic kidney disease", ConditionKind.PHYSICAL),
            new Condition("47505003", "Posttraumatic stress disorder", ConditionKind.MENTAL),
            new Condition("69896004", "Rheumatoid arthritis", ConditionKind.PHYSICAL),
            new Condition("230690007", "Stroke", ConditionKind.PHYSICAL),
            new Condition("254837009", "Breast cancer", ConditionKind.PHYSICAL),
            new Condition("13746004", "Bipolar disorder", ConditionKind.MENTAL),
            new Condition("84757009", "Epilepsy", ConditionKind.PHYSICAL),
            new Condition("24700007", "Multiple sclerosis", ConditionKind.PHYSICAL),
            new Condition("58214004", "Schizophrenia", ConditionKind.MENTAL),
            new Condition("49436004", "Atrial fibrillation", ConditionKind.PHYSICAL),
            new Condition("86406008", "HIV infection", ConditionKind.PHYSICAL),
            new Condition("191736004", "Obsessive-compulsive disorder", ConditionKind.MENTAL),
            new Condition("49049000", "Parkinson's disease", ConditionKind.PHYSICAL),
            new Condition("72366004", "Eating disorder", ConditionKind.MENTAL),
            new Condition("34000006", "Crohn's disease", ConditionKind.PHYSICAL),
            new Condition("52702003", "Chronic fatigue syndrome", ConditionKind.PHYSICAL),
            new Condition("417357006", "Sickle cell disease", ConditionKind.PHYSICAL),
    };
    private static final String[] OTHER_LANGUAGES = {"pl", "ur", "pa", "ro", "ar", "so"};

    /** Referrals and peers with random profiles; each referral's sampled peers scored by the Scorer. */
    static Instance scored(SplittableRandom random, int rows, int peerCount, int sampled) {
        Scorer scorer = new Scorer(DocumentedWeights.DEFAULTS, Taxonomy.NONE);
        int[] capacities = new int[peerCount];
        List<Scorer.Candidate> peers = new ArrayList<>();
        Map<UUID, Integer> index = new HashMap<>();
        for (int p = 0; p < peerCount; p++) {
            capacities[p] = random.nextInt(1, 16);
            UUID id = new UUID(0, p);
            index.put(id, p);
            List<String> languages = random.nextInt(100) < 15
                    ? List.of("en", OTHER_LANGUAGES[random.nextInt(OTHER_LANGUAGES.length)]) : List.of("en");
            peers.add(new Scorer.Candidate(id, true, capacities[p], 0, conditions(random, 1, 4),
                    random.nextInt(100) < 60 ? Gender.FEMALE : Gender.MALE, languages, pick(random, Setting.values(), 1, 2),
                    pick(random, Medium.values(), 2, 3)));
        }
        int[] rowStart = new int[rows + 1];
        List<int[]> chosen = new ArrayList<>();
        boolean[] taken = new boolean[peerCount];
        for (int row = 0; row < rows; row++) {
            int roll = random.nextInt(100);
            Gender preferred = roll < 15 ? Gender.FEMALE : roll < 20 ? Gender.MALE : null;
            Set<Setting> settings = random.nextInt(100) < 50 ? Set.of() : pick(random, Setting.values(), 1, 1);
            Set<Medium> media = random.nextInt(100) < 20 ? Set.of() : pick(random, Medium.values(), 1, 2);
            String language = random.nextInt(100) < 85 ? "en" : OTHER_LANGUAGES[random.nextInt(OTHER_LANGUAGES.length)];
            Scorer.Needs needs = new Scorer.Needs(conditions(random, 1, 3), preferred, settings, media, language);
            List<Scorer.Candidate> sample = new ArrayList<>();
            for (int j = peerCount - sampled; j < peerCount; j++) {
                int p = random.nextInt(j + 1);
                p = taken[p] ? j : p;
                taken[p] = true;
                sample.add(peers.get(p));
            }
            sample.forEach(c -> taken[index.get(c.peerId())] = false);
            List<Scorer.Scored> ranked = scorer.rank(needs, sample, sampled).ranked();
            int[] pairs = new int[2 * ranked.size()];
            for (int k = 0; k < ranked.size(); k++) {
                pairs[2 * k] = index.get(ranked.get(k).candidate().peerId());
                pairs[2 * k + 1] = ranked.get(k).score();
            }
            chosen.add(pairs);
            rowStart[row + 1] = rowStart[row] + ranked.size();
        }
        int[] peerOf = new int[rowStart[rows]];
        int[] scores = new int[rowStart[rows]];
        for (int row = 0; row < rows; row++) {
            int[] pairs = chosen.get(row);
            for (int k = 0; k < pairs.length / 2; k++) {
                peerOf[rowStart[row] + k] = pairs[2 * k];
                scores[rowStart[row] + k] = pairs[2 * k + 1];
            }
        }
        long[] waitingSince = new long[rows];
        for (int row = 0; row < rows; row++) {
            waitingSince[row] = random.nextInt(rows / 3 + 1);
        }
        Arrays.sort(waitingSince);
        return new Instance(capacities, rowStart, peerOf, scores, waitingSince);
    }

    /** Distinct conditions, common ones more often (the i-th most common about 1/(i+1) as often as the first). */
    private static List<Condition> conditions(SplittableRandom random, int min, int max) {
        int count = random.nextInt(min, max + 1);
        List<Condition> picked = new ArrayList<>();
        while (picked.size() < count) {
            Condition c = CONDITIONS[(int) Math.floor(Math.pow(CONDITIONS.length + 1, random.nextDouble())) - 1];
            if (!picked.contains(c)) {
                picked.add(c);
            }
        }
        return picked;
    }

    private static <E extends Enum<E>> Set<E> pick(SplittableRandom random, E[] all, int min, int max) {
        Set<E> picked = new HashSet<>();
        int count = random.nextInt(min, max + 1);
        while (picked.size() < count) {
            picked.add(all[random.nextInt(all.length)]);
        }
        return picked;
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String all(long[] nanos) {
        return String.join(" / ", Arrays.stream(nanos).mapToObj(AssignmentBenchmark::ms).toList());
    }
}
