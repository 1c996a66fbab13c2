package org.alongside.matching.proposals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alongside.matching.peers.Boundaries;
import org.alongside.matching.peers.PeerStatus;
import org.alongside.matching.taxonomy.Taxonomy;
import org.alongside.matching.vocabulary.Condition;
import org.alongside.matching.vocabulary.ConditionKind;
import org.alongside.matching.vocabulary.Gender;
import org.alongside.matching.vocabulary.Medium;
import org.alongside.matching.vocabulary.Slot;
import org.alongside.matching.vocabulary.Setting;
import org.alongside.platform.events.support.Faith;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How well a peer fits a referral, as points a coordinator can read back ("both live with Type 2 diabetes
 * mellitus: +40"). Hard constraints decide who may be proposed at all and are never traded for points; points
 * then rank those who may. Pure: no database, no clock, so every rule is unit tested. The weights and the rules
 * are explained in docs/matching.md.
 *
 * <p>Ties go to the peer with fewer active clients, then to the lower peer id, so a shortlist is reproducible.
 */
public final class Scorer {

    public static final int MAX_SCORE = 100;
    private static final String ENGLISH = "en";
    private static final Set<String> NO_ETHNIC_CATEGORY = Set.of("Z", "99");

    private final Weights weights;
    private final Taxonomy taxonomy;

    public Scorer(Weights weights, Taxonomy taxonomy) {
        this.weights = Objects.requireNonNull(weights);
        this.taxonomy = Objects.requireNonNull(taxonomy);
    }

    /** The taxonomy version this scorer groups conditions by; recorded with each proposal. */
    public int taxonomyVersion() {
        return taxonomy.version();
    }

    /** Points for each factor ({@link MatchingConfig.Weights}: {@code alongside.matching.weights.*}). */
    public record Weights(int sharedCondition, int sharedGroup, int livedExperienceCap, int sharedKind,
            int physicalAndMental, int sharedConditionWish, int peerGender, int language, int culture,
            int sharedCultureOrLanguageWish, int support, int supportCap, int availability, int availabilityCap,
            int locality, int experience, int experienceCap) {
    }

    @Schema(description = """
            SHARED_CONDITION: both live (or lived) with the same condition (SNOMED CT). SHARED_GROUP: both have lived
            with a condition of the same taxonomy group. SHARED_KIND: both have lived experience of the same kind of
            condition (physical or mental) without sharing a condition or group of that kind. PHYSICAL_AND_MENTAL:
            both live with a physical condition and a mental health problem. SHARED_CONDITION_WISH: the person asked
            for a peer who shares their condition, and this one does. PEER_GENDER: the gender the person asked for.
            SHARED_CULTURE_OR_LANGUAGE_WISH: the person asked for a peer who shares their culture or language, and
            this one does. LANGUAGE: the peer speaks the person's language. CULTURE: the person asked for a shared
            culture and the peer shares their ethnic category, faith or self-described culture. SUPPORT: the peer
            offers settings and media the person prefers. AVAILABILITY: both are free at the same times. LOCALITY:
            the peer meets people in person where the person lives. EXPERIENCES: both have the same life
            experiences. CAP: scores stop at 100.""")
    public enum Factor {
        SHARED_CONDITION, SHARED_GROUP, SHARED_KIND, PHYSICAL_AND_MENTAL, SHARED_CONDITION_WISH, PEER_GENDER,
        SHARED_CULTURE_OR_LANGUAGE_WISH, LANGUAGE, CULTURE, SUPPORT, AVAILABILITY, LOCALITY, EXPERIENCES, CAP
    }

    /** One line of a score's explanation; a proposal's reasons add up to its score. */
    @Schema(name = "Reason")
    public record Reason(Factor factor, @Schema(example = "both live with Type 2 diabetes mellitus") String detail,
            @Schema(example = "40") int points) {
    }

    /**
     * What the referral asks for, and who is out of the question for it. A gender preference of UNKNOWN is no
     * preference; no settings means any setting, no media any medium. {@code culture} is self-described (from
     * referral events of the first version), {@code ethnicity} an NHS ethnic category code.
     * {@code countOfferedPlaces}: a peer's places offered in open proposals count as taken (when referrals that wait
     * are matched again, a freed place goes to one of them).
     */
    public record Needs(List<Condition> conditions, Gender peerGender, Set<Setting> settings, Set<Medium> media,
            String language, boolean interpreterNeeded, Boolean sharedCondition, Boolean sharedCultureOrLanguage,
            String locality, String culture, String ethnicity, Faith faith, Set<Slot> availability,
            Set<String> experiences, Set<UUID> doNotMatch, Set<UUID> proposedBefore, boolean countOfferedPlaces) {

        public Needs {
            conditions = List.copyOf(conditions);
            settings = settings == null ? Set.of() : Set.copyOf(settings);
            media = media == null ? Set.of() : Set.copyOf(media);
            availability = availability == null ? Set.of() : Set.copyOf(availability);
            experiences = experiences == null ? Set.of()
                    : experiences.stream().map(Boundaries::tag).collect(Collectors.toUnmodifiableSet());
            doNotMatch = doNotMatch == null ? Set.of() : Set.copyOf(doNotMatch);
            proposedBefore = proposedBefore == null ? Set.of() : Set.copyOf(proposedBefore);
        }

        /** The first shape of needs: conditions, gender, settings, media and language only. */
        public Needs(List<Condition> conditions, Gender peerGender, Set<Setting> settings, Set<Medium> media,
                String language) {
            this(conditions, peerGender, settings, media, language, false, null, null, null, null, null, null,
                    Set.of(), Set.of(), Set.of(), Set.of(), false);
        }
    }

    public record Candidate(UUID peerId, PeerStatus status, int capacity, int activeClients, int offeredPlaces,
            List<Condition> livedExperience, Gender gender, List<String> languages, Set<Setting> settings,
            Set<Medium> media, Set<String> localities, Set<Slot> availability, String culture, String ethnicity,
            Faith faith, Set<String> experiences, Boundaries boundaries) {

        public Candidate {
            Objects.requireNonNull(status, "status");
            livedExperience = List.copyOf(livedExperience);
            languages = languages == null ? List.of() : List.copyOf(languages);
            settings = settings == null ? Set.of() : Set.copyOf(settings);
            media = media == null ? Set.of() : Set.copyOf(media);
            experiences = experiences == null ? Set.of()
                    : experiences.stream().map(Boundaries::tag).collect(Collectors.toUnmodifiableSet());
            localities = localities == null ? Set.of() : Set.copyOf(localities);
            availability = availability == null ? Set.of() : Set.copyOf(availability);
            boundaries = boundaries == null ? Boundaries.NONE : boundaries;
        }

        /** The first shape of a candidate: nothing limits place, time or experience. */
        public Candidate(UUID peerId, boolean active, int capacity, int activeClients, List<Condition> livedExperience,
                Gender gender, List<String> languages, Set<Setting> settings, Set<Medium> media) {
            this(peerId, active ? PeerStatus.ACTIVE : PeerStatus.ON_LEAVE, capacity, activeClients, 0,
                    livedExperience, gender, languages, settings, media, Set.of(), Set.of(), null, null, null,
                    Set.of(), Boundaries.NONE);
        }

        public boolean active() {
            return status == PeerStatus.ACTIVE;
        }

        Candidate withOfferedPlaces(int offered) {
            return new Candidate(peerId, status, capacity, activeClients, offered, livedExperience, gender, languages,
                    settings, media, localities, availability, culture, ethnicity, faith, experiences, boundaries);
        }
    }

    public record Scored(Candidate candidate, int score, List<Reason> reasons) {
    }

    /** The best candidates, best first; when there are none, why not, in a sentence a coordinator can act on. */
    public record Shortlist(List<Scored> ranked, String waitingReason) {
    }

    /** Why a peer cannot be proposed, in the order the constraints are checked. */
    public enum Exclusion {
        PROPOSED_BEFORE, DO_NOT_MATCH, ON_LEAVE, LEFT, FULL, PLACES_OFFERED, NO_COMMON_SETTING, NO_COMMON_MEDIUM,
        OUT_OF_AREA, LANGUAGE,
        GENDER, BOUNDARY
    }

    static final Comparator<Scored> RANKING = Comparator.comparingInt(Scored::score).reversed()
            .thenComparingInt(s -> s.candidate().activeClients())
            .thenComparing(s -> s.candidate().peerId().toString());

    public Shortlist rank(Needs needs, Collection<Candidate> candidates, int size) {
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

    /** The first hard constraint the peer fails for this referral, if any. */
    public Optional<Exclusion> exclusion(Needs needs, Candidate peer) {
        Exclusion exclusion = null;
        if (needs.proposedBefore().contains(peer.peerId())) {
            exclusion = Exclusion.PROPOSED_BEFORE;
        } else if (needs.doNotMatch().contains(peer.peerId())) {
            exclusion = Exclusion.DO_NOT_MATCH;
        } else if (peer.status() == PeerStatus.ON_LEAVE) {
            exclusion = Exclusion.ON_LEAVE;
        } else if (peer.status() == PeerStatus.LEFT) {
            exclusion = Exclusion.LEFT;
        } else if (peer.activeClients() >= peer.capacity()) {
            exclusion = Exclusion.FULL;
        } else if (needs.countOfferedPlaces() && peer.activeClients() + peer.offeredPlaces() >= peer.capacity()) {
            exclusion = Exclusion.PLACES_OFFERED;
        } else if (wanted(needs).stream().noneMatch(peer.settings()::contains)) {
            exclusion = Exclusion.NO_COMMON_SETTING;
        } else if (wantedMedia(needs).stream().noneMatch(peer.media()::contains)) {
            exclusion = Exclusion.NO_COMMON_MEDIUM;
        } else if (feasibleMedia(needs, peer).isEmpty()) {
            exclusion = Exclusion.OUT_OF_AREA;
        } else if (languageRequired(needs) && !speaks(peer, primaryLanguage(needs.language()))) {
            exclusion = Exclusion.LANGUAGE;
        } else if (prefersGender(needs) && peer.gender() != needs.peerGender()) {
            exclusion = Exclusion.GENDER;
        } else if (crossesBoundary(needs, peer)) {
            exclusion = Exclusion.BOUNDARY;
        }
        return Optional.ofNullable(exclusion);
    }

    /** The exclusion as it reads after a count: "2 on leave", "1 not of the preferred gender (female)". */
    public static String describe(Exclusion exclusion, Needs needs) {
        return switch (exclusion) {
            case PROPOSED_BEFORE -> "already proposed";
            case DO_NOT_MATCH -> "ruled out for this person by a coordinator";
            case ON_LEAVE -> "on leave";
            case LEFT -> "no longer with the service";
            case FULL -> "at capacity";
            case PLACES_OFFERED -> "with every free place already offered in open proposals";
            case NO_COMMON_SETTING -> "offering none of the preferred settings ("
                    + join(needs.settings().stream().sorted().map(Setting::description).toList(), "or") + ")";
            case NO_COMMON_MEDIUM -> "offering none of the preferred media ("
                    + join(needs.media().stream().sorted().map(Medium::description).toList(), "or") + ")";
            case OUT_OF_AREA -> "not meeting people in person in " + needs.locality();
            case LANGUAGE -> "not speaking the person's language (" + needs.language().strip() + ")";
            case GENDER -> "not of the preferred gender (" + needs.peerGender().description() + ")";
            case BOUNDARY -> "whose boundaries exclude the person's experience";
        };
    }

    public Scored score(Needs needs, Candidate peer) {
        List<Reason> reasons = new ArrayList<>();
        boolean sharesCondition = livedExperience(needs, peer, reasons);

        if (sharesCondition && Boolean.TRUE.equals(needs.sharedCondition())) {
            reasons.add(new Reason(Factor.SHARED_CONDITION_WISH,
                    "the person asked for a peer who shares their condition", weights.sharedConditionWish()));
        }
        if (prefersGender(needs) && peer.gender() == needs.peerGender()) {
            reasons.add(new Reason(Factor.PEER_GENDER, needs.peerGender().description() + ", as the person prefers",
                    weights.peerGender()));
        }
        String language = primaryLanguage(needs.language());
        boolean sharesLanguage = language != null && speaks(peer, language);
        List<String> culture = sharedCulture(needs, peer);
        boolean askedForCulture = Boolean.TRUE.equals(needs.sharedCultureOrLanguage());
        if (askedForCulture && (!culture.isEmpty() || sharesLanguage && !ENGLISH.equals(language))) {
            reasons.add(new Reason(Factor.SHARED_CULTURE_OR_LANGUAGE_WISH,
                    "the person asked for a peer who shares their culture or language",
                    weights.sharedCultureOrLanguageWish()));
        }
        if (sharesLanguage) {
            reasons.add(new Reason(Factor.LANGUAGE, "speaks the person's language (" + needs.language().strip() + ")",
                    weights.language()));
        }
        if (askedForCulture && !culture.isEmpty()) {
            reasons.add(new Reason(Factor.CULTURE, "shares the person's " + join(culture, "and"), weights.culture()));
        }

        List<Setting> settings = needs.settings().stream().filter(peer.settings()::contains).sorted().toList();
        List<Medium> feasible = feasibleMedia(needs, peer);
        List<Medium> media = needs.media().isEmpty() ? List.of() : feasible;
        if (!settings.isEmpty() || !media.isEmpty()) {
            List<String> offered = new ArrayList<>(settings.stream().map(Setting::description).toList());
            offered.addAll(media.stream().map(Medium::description).toList());
            reasons.add(new Reason(Factor.SUPPORT, "offers " + join(offered, "and") + " support, as preferred",
                    Math.min(weights.support() * offered.size(), weights.supportCap())));
        }
        List<Slot> together = needs.availability().stream().filter(peer.availability()::contains)
                .sorted(Slot.WEEK_ORDER).toList();
        if (!together.isEmpty()) {
            reasons.add(new Reason(Factor.AVAILABILITY, "both free on " + together.stream().map(Slot::description)
                    .collect(Collectors.collectingAndThen(Collectors.toList(), names -> join(names, "and"))),
                    Math.min(weights.availability() * together.size(), weights.availabilityCap())));
        }
        if (needs.locality() != null && peer.localities().contains(needs.locality())
                && feasible.stream().anyMatch(Medium::inPerson)) {
            reasons.add(new Reason(Factor.LOCALITY, "meets people in person in " + needs.locality()
                    + ", where the person lives", weights.locality()));
        }
        List<String> experiences = needs.experiences().stream().filter(peer.experiences()::contains).sorted()
                .toList();
        if (!experiences.isEmpty()) {
            reasons.add(new Reason(Factor.EXPERIENCES, "both have lived experience of " + join(experiences, "and"),
                    Math.min(weights.experience() * experiences.size(), weights.experienceCap())));
        }

        int total = reasons.stream().mapToInt(Reason::points).sum();
        if (total > MAX_SCORE) {
            reasons.add(new Reason(Factor.CAP, "scores stop at " + MAX_SCORE, MAX_SCORE - total));
            total = MAX_SCORE;
        }
        return new Scored(peer, total, List.copyOf(reasons));
    }

    /**
     * Shared lived experience, best level first for each of the person's conditions: the same condition, else the
     * same taxonomy group; then each kind shared no other way, and a shared physical-and-mental profile. Returns
     * whether the peer shares one of the person's conditions.
     */
    private boolean livedExperience(Needs needs, Candidate peer, List<Reason> reasons) {
        Map<String, Condition> peerCodes = new HashMap<>();
        Set<String> peerGroups = new HashSet<>();
        for (Condition lived : peer.livedExperience()) {
            if (lived.snomedCode() != null) {
                peerCodes.putIfAbsent(lived.snomedCode(), lived);
            }
            Taxonomy.Group group = taxonomy.groupOf(lived.snomedCode(), lived.kind());
            if (!group.isOther()) {
                peerGroups.add(group.id());
            }
        }
        Set<String> codesCounted = new HashSet<>();
        Set<String> groupsCounted = new HashSet<>();
        Set<ConditionKind> kindsShared = EnumSet.noneOf(ConditionKind.class);
        List<Condition> notShared = new ArrayList<>();
        int points = 0;
        for (Condition condition : needs.conditions()) {
            Condition lived = condition.snomedCode() == null ? null : peerCodes.get(condition.snomedCode());
            if (lived == null) {
                notShared.add(condition);
                continue;
            }
            if (!codesCounted.add(condition.snomedCode())) {
                continue;
            }
            Taxonomy.Group group = taxonomy.groupOf(condition.snomedCode(), condition.kind());
            if (!group.isOther()) {
                groupsCounted.add(group.id());
            }
            kindsShared.add(condition.kind());
            String detail = lived.period() == Condition.Period.PAST
                    ? "both have lived with " + condition.display() + " (the peer in the past)"
                    : "both live with " + condition.display();
            points += capped(Factor.SHARED_CONDITION, detail, weights.sharedCondition(), points, reasons);
        }
        for (Condition condition : notShared) {
            Taxonomy.Group group = taxonomy.groupOf(condition.snomedCode(), condition.kind());
            if (group.isOther() || !peerGroups.contains(group.id()) || !groupsCounted.add(group.id())) {
                continue;
            }
            kindsShared.add(condition.kind());
            points += capped(Factor.SHARED_GROUP, "both have lived with " + group.display(), weights.sharedGroup(),
                    points, reasons);
        }

        Set<ConditionKind> personKinds = kinds(needs.conditions().stream().map(Condition::kind).toList());
        Set<ConditionKind> peerKinds = kinds(peer.livedExperience().stream().map(Condition::kind).toList());
        for (ConditionKind kind : ConditionKind.values()) {
            if (!kindsShared.contains(kind) && personKinds.contains(kind) && peerKinds.contains(kind)) {
                reasons.add(new Reason(Factor.SHARED_KIND, "both have lived experience of " + kind.description(),
                        weights.sharedKind()));
            }
        }
        Set<ConditionKind> both = EnumSet.allOf(ConditionKind.class);
        if (personKinds.containsAll(both) && peerKinds.containsAll(both)) {
            reasons.add(new Reason(Factor.PHYSICAL_AND_MENTAL,
                    "both live with a long-term physical condition and a mental health problem",
                    weights.physicalAndMental()));
        }
        return !codesCounted.isEmpty();
    }

    /** Adds a lived-experience reason within the cap; past the cap it still shows, for 0 points. */
    private int capped(Factor factor, String detail, int weight, int pointsSoFar, List<Reason> reasons) {
        int points = Math.max(0, Math.min(weight, weights.livedExperienceCap() - pointsSoFar));
        String note = points < weight
                ? " (shared lived experience scores " + weights.livedExperienceCap() + " at most)" : "";
        reasons.add(new Reason(factor, detail + note, points));
        return points;
    }

    /** The settings the person would take: those they prefer, or any when they stated none. */
    private static Set<Setting> wanted(Needs needs) {
        return needs.settings().isEmpty() ? EnumSet.allOf(Setting.class) : needs.settings();
    }

    /** The media the person would take: those they prefer, or any when they stated none. */
    private static Set<Medium> wantedMedia(Needs needs) {
        return needs.media().isEmpty() ? EnumSet.allOf(Medium.class) : needs.media();
    }

    /**
     * The media both can use: wanted by the person, offered by the peer, and in person only where the person lives
     * when both the person's district and the peer's districts are known.
     */
    private static List<Medium> feasibleMedia(Needs needs, Candidate peer) {
        boolean meetsThere = needs.locality() == null || peer.localities().isEmpty()
                || peer.localities().contains(needs.locality());
        return wantedMedia(needs).stream().filter(peer.media()::contains)
                .filter(medium -> !medium.inPerson() || meetsThere).sorted().toList();
    }

    /**
     * What of the person's culture the peer shares: the same NHS ethnic category (Z not stated and 99 not known are
     * no category), the same faith (NOT_STATED and OTHER name no one faith), or the same self-described culture.
     */
    private static List<String> sharedCulture(Needs needs, Candidate peer) {
        List<String> shared = new ArrayList<>();
        if (needs.ethnicity() != null && needs.ethnicity().equals(peer.ethnicity())
                && !NO_ETHNIC_CATEGORY.contains(needs.ethnicity())) {
            shared.add("ethnic category (" + needs.ethnicity() + ")");
        }
        if (needs.faith() != null && needs.faith() == peer.faith() && needs.faith() != Faith.NOT_STATED
                && needs.faith() != Faith.OTHER) {
            shared.add("faith (" + needs.faith().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        }
        if (needs.culture() != null && peer.culture() != null
                && needs.culture().strip().equalsIgnoreCase(peer.culture().strip())) {
            shared.add("culture (" + peer.culture().strip() + ")");
        }
        return shared;
    }

    /**
     * A shared language is required only when the person asked for a shared culture or language and needs one
     * other than English (or an interpreter); otherwise the service arranges an interpreter and language only
     * scores.
     */
    static boolean languageRequired(Needs needs) {
        String language = primaryLanguage(needs.language());
        return Boolean.TRUE.equals(needs.sharedCultureOrLanguage()) && language != null
                && (needs.interpreterNeeded() || !ENGLISH.equals(language));
    }

    private static boolean speaks(Candidate peer, String language) {
        return peer.languages().stream().map(Scorer::primaryLanguage).anyMatch(language::equals);
    }

    private static boolean prefersGender(Needs needs) {
        return needs.peerGender() != null && needs.peerGender() != Gender.UNKNOWN;
    }

    private boolean crossesBoundary(Needs needs, Candidate peer) {
        Boundaries boundaries = peer.boundaries();
        if (boundaries.experiences().stream().anyMatch(needs.experiences()::contains)) {
            return true;
        }
        return !boundaries.conditionGroups().isEmpty() && needs.conditions().stream()
                .map(c -> taxonomy.groupOf(c.snomedCode(), c.kind()).id())
                .anyMatch(boundaries.conditionGroups()::contains);
    }

    private static Set<ConditionKind> kinds(List<ConditionKind> kinds) {
        Set<ConditionKind> set = EnumSet.noneOf(ConditionKind.class);
        set.addAll(kinds);
        return set;
    }

    /** "en-GB" and "en" are the same language for a conversation: compare the primary subtag. */
    static String primaryLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }

    private static String join(List<String> names, String conjunction) {
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
        excluded.forEach((exclusion, count) -> parts.add(count + " " + describe(exclusion, needs)));
        return "No peer fits yet: of " + considered + (considered == 1 ? " peer, " : " peers, ") + String.join(", ", parts);
    }
}
