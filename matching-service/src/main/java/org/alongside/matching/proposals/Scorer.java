package org.alongside.matching.proposals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alongside.matching.vocabulary.Condition;
import org.alongside.matching.vocabulary.ConditionKind;
import org.alongside.matching.vocabulary.Gender;
import org.alongside.matching.vocabulary.SupportFormat;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How well a peer fits a referral, as points a coordinator can read back ("both live with Type 2 diabetes
 * mellitus: +40"). Hard constraints decide who may be proposed at all; points then rank those who may. Pure: no
 * database, no clock, so every rule is unit tested.
 *
 * <p>Points: each SNOMED CT condition both live with +40 (60 at most in all); for each kind (physical, mental) in
 * which they share no condition but both have one, +10; both living with a physical condition and a mental
 * health problem +10; the person's language +10; each preferred format the peer offers +5 (15 at most). The score
 * is capped at 100. Ties go to the peer with fewer active clients, then to the lower peer id, so a shortlist is
 * reproducible.
 */
public final class Scorer {

    static final int SHARED_CONDITION_POINTS = 40;
    static final int SHARED_CONDITION_CAP = 60;
    static final int SHARED_KIND_POINTS = 10;
    static final int PHYSICAL_AND_MENTAL_POINTS = 10;
    static final int LANGUAGE_POINTS = 10;
    static final int FORMAT_POINTS = 5;
    static final int FORMAT_CAP = 15;
    static final int MAX_SCORE = 100;

    private Scorer() {
    }

    @Schema(description = """
            SHARED_CONDITION: both live with the same condition (SNOMED CT). SHARED_KIND: both have lived experience of
            the same kind of condition (physical or mental) without sharing a condition of that kind.
            PHYSICAL_AND_MENTAL: both live with a physical condition and a mental health problem. LANGUAGE: the peer
            speaks the person's language. FORMATS: the peer offers formats the person prefers. CAP: scores stop at 100.""")
    public enum Factor { SHARED_CONDITION, SHARED_KIND, PHYSICAL_AND_MENTAL, LANGUAGE, FORMATS, CAP }

    /** One line of a score's explanation; a proposal's reasons add up to its score. */
    @Schema(name = "Reason")
    public record Reason(Factor factor, @Schema(example = "both live with Type 2 diabetes mellitus") String detail,
            @Schema(example = "40") int points) {
    }

    /**
     * What the referral asks for. A gender preference of UNKNOWN is no preference; no formats means any format.
     */
    public record Needs(List<Condition> conditions, Gender peerGender, Set<SupportFormat> formats, String language) {
    }

    public record Candidate(UUID peerId, boolean active, int capacity, int activeClients,
            List<Condition> livedExperience, Gender gender, List<String> languages, Set<SupportFormat> formats) {
    }

    public record Scored(Candidate candidate, int score, List<Reason> reasons) {
    }

    /** The best candidates, best first; when there are none, why not, in a sentence a coordinator can act on. */
    public record Shortlist(List<Scored> ranked, String waitingReason) {
    }

    /** Why a peer cannot be proposed, in the order the constraints are checked. */
    enum Exclusion { INACTIVE, FULL, NO_COMMON_FORMAT, GENDER }

    static final Comparator<Scored> RANKING = Comparator.comparingInt(Scored::score).reversed()
            .thenComparingInt(s -> s.candidate().activeClients())
            .thenComparing(s -> s.candidate().peerId().toString());

    public static Shortlist shortlist(Needs needs, Collection<Candidate> candidates, int size) {
        Map<Exclusion, Integer> excluded = new EnumMap<>(Exclusion.class);
        List<Scored> eligible = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Optional<Exclusion> exclusion = exclusion(needs, candidate);
            if (exclusion.isPresent()) {
                excluded.merge(exclusion.get(), 1, Integer::sum);
            } else {
                eligible.add(score(needs, candidate));
            }
        }
        List<Scored> ranked = eligible.stream().sorted(RANKING).limit(size).toList();
        return new Shortlist(ranked, ranked.isEmpty() ? waitingReason(needs, candidates.size(), excluded) : null);
    }

    static Optional<Exclusion> exclusion(Needs needs, Candidate peer) {
        if (!peer.active()) {
            return Optional.of(Exclusion.INACTIVE);
        }
        if (peer.activeClients() >= peer.capacity()) {
            return Optional.of(Exclusion.FULL);
        }
        if (!needs.formats().isEmpty() && needs.formats().stream().noneMatch(peer.formats()::contains)) {
            return Optional.of(Exclusion.NO_COMMON_FORMAT);
        }
        if (prefersGender(needs) && peer.gender() != needs.peerGender()) {
            return Optional.of(Exclusion.GENDER);
        }
        return Optional.empty();
    }

    static Scored score(Needs needs, Candidate peer) {
        List<Reason> reasons = new ArrayList<>();

        Set<String> peerCodes = peer.livedExperience().stream().map(Condition::snomedCode)
                .filter(code -> code != null).collect(Collectors.toSet());
        Set<String> counted = new LinkedHashSet<>();
        Set<ConditionKind> kindsShared = EnumSet.noneOf(ConditionKind.class);
        int conditionPoints = 0;
        for (Condition condition : needs.conditions()) {
            String code = condition.snomedCode();
            if (code == null || !peerCodes.contains(code) || !counted.add(code)) {
                continue;
            }
            kindsShared.add(condition.kind());
            int points = Math.min(SHARED_CONDITION_POINTS, SHARED_CONDITION_CAP - conditionPoints);
            conditionPoints += points;
            String detail = "both live with " + condition.display()
                    + (points < SHARED_CONDITION_POINTS ? " (shared conditions score " + SHARED_CONDITION_CAP + " at most)" : "");
            reasons.add(new Reason(Factor.SHARED_CONDITION, detail, points));
        }

        Set<ConditionKind> personKinds = kinds(needs.conditions());
        Set<ConditionKind> peerKinds = kinds(peer.livedExperience());
        for (ConditionKind kind : ConditionKind.values()) {
            if (!kindsShared.contains(kind) && personKinds.contains(kind) && peerKinds.contains(kind)) {
                reasons.add(new Reason(Factor.SHARED_KIND, "both have lived experience of " + kind.description(),
                        SHARED_KIND_POINTS));
            }
        }
        Set<ConditionKind> both = EnumSet.allOf(ConditionKind.class);
        if (personKinds.containsAll(both) && peerKinds.containsAll(both)) {
            reasons.add(new Reason(Factor.PHYSICAL_AND_MENTAL,
                    "both live with a long-term physical condition and a mental health problem",
                    PHYSICAL_AND_MENTAL_POINTS));
        }

        String language = primaryLanguage(needs.language());
        if (language != null && peer.languages().stream().map(Scorer::primaryLanguage).anyMatch(language::equals)) {
            reasons.add(new Reason(Factor.LANGUAGE, "speaks the person's language (" + needs.language().strip() + ")",
                    LANGUAGE_POINTS));
        }

        List<SupportFormat> common = needs.formats().stream().filter(peer.formats()::contains).sorted().toList();
        if (!common.isEmpty()) {
            reasons.add(new Reason(Factor.FORMATS, "offers " + describe(common, "and") + " support, as preferred",
                    Math.min(FORMAT_POINTS * common.size(), FORMAT_CAP)));
        }

        int total = reasons.stream().mapToInt(Reason::points).sum();
        if (total > MAX_SCORE) {
            reasons.add(new Reason(Factor.CAP, "scores stop at " + MAX_SCORE, MAX_SCORE - total));
            total = MAX_SCORE;
        }
        return new Scored(peer, total, List.copyOf(reasons));
    }

    private static boolean prefersGender(Needs needs) {
        return needs.peerGender() != null && needs.peerGender() != Gender.UNKNOWN;
    }

    private static Set<ConditionKind> kinds(List<Condition> conditions) {
        Set<ConditionKind> kinds = EnumSet.noneOf(ConditionKind.class);
        conditions.forEach(c -> kinds.add(c.kind()));
        return kinds;
    }

    /** "en-GB" and "en" are the same language for a conversation: compare the primary subtag. */
    private static String primaryLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }

    private static String describe(List<SupportFormat> formats, String conjunction) {
        List<String> names = formats.stream().map(SupportFormat::description).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + conjunction + " "
                + names.get(names.size() - 1);
    }

    private static String waitingReason(Needs needs, int considered, Map<Exclusion, Integer> excluded) {
        if (considered == 0) {
            return "No peer fits yet: there are no peer profiles";
        }
        List<String> parts = new ArrayList<>();
        excluded.forEach((exclusion, count) -> parts.add(count + switch (exclusion) {
            case INACTIVE -> " inactive";
            case FULL -> " at capacity";
            case NO_COMMON_FORMAT -> " offering none of the preferred formats ("
                    + describe(needs.formats().stream().sorted().toList(), "or") + ")";
            case GENDER -> " not of the preferred gender (" + needs.peerGender().description() + ")";
        }));
        return "No peer fits yet: of " + considered + (considered == 1 ? " peer, " : " peers, ") + String.join(", ", parts);
    }
}
