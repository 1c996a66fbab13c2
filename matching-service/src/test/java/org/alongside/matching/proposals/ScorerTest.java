package org.alongside.matching.proposals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.alongside.matching.peers.Boundaries;
import org.alongside.matching.peers.PeerStatus;
import org.alongside.matching.proposals.Scorer.Candidate;
import org.alongside.matching.proposals.Scorer.Exclusion;
import org.alongside.matching.proposals.Scorer.Factor;
import org.alongside.matching.proposals.Scorer.Needs;
import org.alongside.matching.proposals.Scorer.Reason;
import org.alongside.matching.proposals.Scorer.Scored;
import org.alongside.matching.proposals.Scorer.Shortlist;
import org.alongside.matching.proposals.Scorer.Weights;
import org.alongside.matching.taxonomy.Taxonomy;
import org.alongside.matching.vocabulary.Condition;
import org.alongside.matching.vocabulary.ConditionKind;
import org.alongside.matching.vocabulary.Gender;
import org.alongside.matching.vocabulary.Medium;
import org.alongside.matching.vocabulary.Slot;
import org.alongside.matching.vocabulary.Setting;
import org.alongside.platform.events.support.Faith;
import org.junit.jupiter.api.Test;

class ScorerTest {

    static final Condition TYPE_1 = new Condition("46635009", "Type 1 diabetes mellitus", ConditionKind.PHYSICAL);
    static final Condition TYPE_2 = new Condition("44054006", "Type 2 diabetes mellitus", ConditionKind.PHYSICAL);
    static final Condition COPD = new Condition("13645005", "Chronic obstructive lung disease", ConditionKind.PHYSICAL);
    static final Condition ASTHMA = new Condition("195967001", "Asthma", ConditionKind.PHYSICAL);
    static final Condition CANCER = new Condition("363346000", "Malignant neoplastic disease", ConditionKind.PHYSICAL);
    static final Condition DEPRESSION = new Condition("35489007", "Depressive disorder", ConditionKind.MENTAL);
    static final Condition ANXIETY = new Condition("197480006", "Anxiety disorder", ConditionKind.MENTAL);
    static final Condition PSYCHOSIS = new Condition("69322001", "Psychotic disorder", ConditionKind.MENTAL);
    static final Condition HYPERTENSION = new Condition("38341003", "Hypertensive disorder", ConditionKind.PHYSICAL);
    static final Condition DIABETES = new Condition("73211009", "Diabetes mellitus", ConditionKind.PHYSICAL);
    static final Condition LONG_COVID = new Condition(null, "Long COVID", ConditionKind.PHYSICAL);

    /** The groups of the seeded taxonomy that these tests need. */
    static final Taxonomy TAXONOMY = new Taxonomy(1,
            Stream.of(group("diabetes", ConditionKind.PHYSICAL, "diabetes"),
                            group("respiratory", ConditionKind.PHYSICAL, "a respiratory condition"),
                            group("cancer", ConditionKind.PHYSICAL, "cancer"),
                            group("common-mental-health", ConditionKind.MENTAL, "depression or anxiety"),
                            group("severe-mental-illness", ConditionKind.MENTAL, "a severe mental illness"),
                            group(Taxonomy.OTHER_PHYSICAL, ConditionKind.PHYSICAL, "another long-term physical condition"),
                            group(Taxonomy.OTHER_MENTAL, ConditionKind.MENTAL, "another mental health problem"))
                    .collect(Collectors.toMap(Taxonomy.Group::id, Function.identity())),
            Stream.of(code(TYPE_1, "diabetes"), code(TYPE_2, "diabetes"), code(DIABETES, "diabetes"), code(COPD, "respiratory"),
                            code(ASTHMA, "respiratory"), code(CANCER, "cancer"), code(DEPRESSION, "common-mental-health"),
                            code(ANXIETY, "common-mental-health"), code(PSYCHOSIS, "severe-mental-illness"))
                    .collect(Collectors.toMap(Taxonomy.Code::snomedCode, Function.identity())));

    static final Scorer SCORER = new Scorer(DocumentedWeights.DEFAULTS, TAXONOMY);

    private static Taxonomy.Group group(String id, ConditionKind kind, String display) {
        return new Taxonomy.Group(id, kind, display);
    }

    private static Taxonomy.Code code(Condition condition, String group) {
        return new Taxonomy.Code(condition.snomedCode(), group, condition.kind(), condition.display());
    }

    /** A referral's needs, changed field by field. */
    static final class Person {
        List<Condition> conditions = List.of();
        Gender peerGender;
        Set<Setting> settings = Set.of();
        Set<Medium> media = Set.of();
        String language;
        boolean interpreterNeeded;
        Boolean sharedCondition;
        Boolean sharedCultureOrLanguage;
        String locality;
        String culture;
        String ethnicity;
        Faith faith;
        Set<Slot> availability = Set.of();
        Set<String> experiences = Set.of();
        Set<UUID> doNotMatch = Set.of();
        Set<UUID> proposedBefore = Set.of();
        boolean countOfferedPlaces;

        Person with(Condition... conditions) {
            this.conditions = List.of(conditions);
            return this;
        }

        Person settings(Setting... settings) {
            this.settings = Set.of(settings);
            return this;
        }

        Person media(Medium... media) {
            this.media = Set.of(media);
            return this;
        }

        Needs needs() {
            return new Needs(conditions, peerGender, settings, media, language, interpreterNeeded, sharedCondition,
                    sharedCultureOrLanguage, locality, culture, ethnicity, faith, availability, experiences,
                    doNotMatch, proposedBefore, countOfferedPlaces);
        }
    }

    /** A peer who can support anyone, anywhere, any way, changed field by field. */
    static final class PeerWorker {
        UUID id = UUID.randomUUID();
        PeerStatus status = PeerStatus.ACTIVE;
        int capacity = 4;
        int activeClients;
        int offeredPlaces;
        List<Condition> lived = new ArrayList<>();
        Gender gender = Gender.FEMALE;
        List<String> languages = List.of();
        Set<Setting> settings = EnumSet.allOf(Setting.class);
        Set<Medium> media = EnumSet.allOf(Medium.class);
        Set<String> localities = Set.of();
        Set<Slot> availability = Set.of();
        String culture;
        String ethnicity;
        Faith faith;
        Set<String> experiences = Set.of();
        Boundaries boundaries = Boundaries.NONE;

        PeerWorker with(Condition... conditions) {
            for (Condition c : conditions) {
                lived.add(new Condition(c.snomedCode(), c.display(), c.kind(), Condition.Period.CURRENT));
            }
            return this;
        }

        PeerWorker lived(Condition c) {
            lived.add(new Condition(c.snomedCode(), c.display(), c.kind(), Condition.Period.PAST));
            return this;
        }

        PeerWorker settings(Setting... settings) {
            this.settings = Set.of(settings);
            return this;
        }

        PeerWorker media(Medium... media) {
            this.media = Set.of(media);
            return this;
        }

        Candidate candidate() {
            return new Candidate(id, status, capacity, activeClients, offeredPlaces, lived, gender, languages,
                    settings, media, localities, availability, culture, ethnicity, faith, experiences, boundaries);
        }
    }

    private static Person person(Condition... conditions) {
        return new Person().with(conditions);
    }

    private static PeerWorker peer(Condition... conditions) {
        return new PeerWorker().with(conditions);
    }

    private static Scored score(Person person, PeerWorker peer) {
        return SCORER.score(person.needs(), peer.candidate());
    }

    private static Optional<Exclusion> exclusion(Person person, PeerWorker peer) {
        return SCORER.exclusion(person.needs(), peer.candidate());
    }

    private static List<Factor> factors(Scored scored) {
        return scored.reasons().stream().map(Reason::factor).toList();
    }

    private static int total(Scored scored) {
        return scored.reasons().stream().mapToInt(Reason::points).sum();
    }

    private static Slot slot(DayOfWeek day, Slot.PartOfDay part) {
        return new Slot(day, part);
    }

    // Shared lived experience

    @Test
    void theSameConditionIsWorthFortyAndSaysWhichCondition() {
        Scored scored = score(person(TYPE_2), peer(TYPE_2));
        assertEquals(List.of(new Reason(Factor.SHARED_CONDITION, "both live with Type 2 diabetes mellitus", 40)),
                scored.reasons());
        assertEquals(40, scored.score());
    }

    @Test
    void aConditionThePeerLivedThroughInThePastCountsTheSameAndSaysSo() {
        Scored scored = score(person(DEPRESSION), new PeerWorker().lived(DEPRESSION));
        assertEquals(List.of(new Reason(Factor.SHARED_CONDITION,
                "both have lived with Depressive disorder (the peer in the past)", 40)), scored.reasons());
    }

    @Test
    void theSameTaxonomyGroupIsWorthTwentyAndNamesTheGroup() {
        Scored scored = score(person(ASTHMA), peer(COPD));
        assertEquals(List.of(new Reason(Factor.SHARED_GROUP, "both have lived with a respiratory condition", 20)),
                scored.reasons());
    }

    @Test
    void sameConditionBeatsSameGroupBeatsSameKindBeatsNothing() {
        Person person = person(TYPE_2);
        PeerWorker sameCondition = peer(TYPE_2);
        PeerWorker sameGroup = peer(TYPE_1);
        PeerWorker sameKind = peer(CANCER);
        PeerWorker mentalOnly = peer(ANXIETY);
        Shortlist shortlist = SCORER.rank(person.needs(), List.of(mentalOnly.candidate(), sameKind.candidate(),
                sameGroup.candidate(), sameCondition.candidate()), 4);
        assertEquals(List.of(sameCondition.id, sameGroup.id, sameKind.id, mentalOnly.id),
                shortlist.ranked().stream().map(s -> s.candidate().peerId()).toList());
        assertEquals(List.of(40, 20, 10, 0), shortlist.ranked().stream().map(Scored::score).toList());
        assertEquals(List.of(new Reason(Factor.SHARED_KIND,
                "both have lived experience of a long-term physical condition", 10)), shortlist.ranked().get(2).reasons());
    }

    @Test
    void aGroupCountsOnceAndNotAgainAfterOneOfItsConditionsWasShared() {
        // type 1 would meet the peer's type 2 by group, but type 2 itself is shared: the condition counts, once
        assertEquals(List.of(Factor.SHARED_CONDITION), factors(score(person(TYPE_1, TYPE_2), peer(TYPE_2))));
        // two of the person's conditions in the peer's group: one group shared
        Scored twoInGroup = score(person(TYPE_1, TYPE_2), peer(DIABETES));
        assertEquals(List.of(new Reason(Factor.SHARED_GROUP, "both have lived with diabetes", 20)), twoInGroup.reasons());
    }

    @Test
    void sharedLivedExperienceScoresSixtyAtMostAndTheCappedReasonSaysSo() {
        Scored scored = score(person(TYPE_2, DEPRESSION, ASTHMA), peer(ASTHMA, DEPRESSION, TYPE_2));
        List<Reason> shared = scored.reasons().stream().filter(r -> r.factor() == Factor.SHARED_CONDITION).toList();
        assertEquals(List.of(40, 20, 0), shared.stream().map(Reason::points).toList());
        assertTrue(shared.get(1).detail().startsWith("both live with Depressive disorder (shared lived experience "
                + "scores 60 at most"), shared.get(1).detail());
        // both kinds shared by condition: no kind points; both physical and mental: +10
        assertEquals(70, scored.score());
        assertEquals(scored.score(), total(scored));
    }

    @Test
    void catchAllGroupsAreNotASharedExperience() {
        // hypertension is not in the taxonomy, Long COVID is not coded: both are other-physical, which says nothing
        Scored scored = score(person(HYPERTENSION), peer(LONG_COVID));
        assertEquals(List.of(Factor.SHARED_KIND), factors(scored));
        // an unknown code still matches itself
        assertEquals(40, score(person(HYPERTENSION), peer(HYPERTENSION)).score());
    }

    @Test
    void aRepeatedConditionCountsOnceAndUncodedConditionsNeverMatchByCode() {
        Scored scored = score(person(TYPE_2, TYPE_2, LONG_COVID), peer(TYPE_2, LONG_COVID));
        assertEquals(List.of(Factor.SHARED_CONDITION), factors(scored));
        assertEquals(40, scored.score());
    }

    @Test
    void eachKindSharedNoOtherWayIsWorthTenAndAPhysicalAndMentalProfileTenMore() {
        Scored scored = score(person(TYPE_2, DEPRESSION), peer(CANCER, PSYCHOSIS));
        assertEquals(List.of(
                new Reason(Factor.SHARED_KIND, "both have lived experience of a long-term physical condition", 10),
                new Reason(Factor.SHARED_KIND, "both have lived experience of a mental health problem", 10),
                new Reason(Factor.PHYSICAL_AND_MENTAL,
                        "both live with a long-term physical condition and a mental health problem", 10)),
                scored.reasons());
        // the mental kind is already shared through the group: no kind points for it
        assertEquals(List.of(Factor.SHARED_GROUP, Factor.SHARED_KIND, Factor.PHYSICAL_AND_MENTAL),
                factors(score(person(TYPE_2, DEPRESSION), peer(CANCER, ANXIETY))));
        // only the person lives with both kinds
        assertEquals(40, score(person(TYPE_2, DEPRESSION), peer(TYPE_2)).score());
    }

    // The person's preferences

    @Test
    void aWishForTheSameConditionEarnsTenWhenTheConditionIsShared() {
        Person person = person(TYPE_2);
        person.sharedCondition = true;
        assertEquals(List.of(new Reason(Factor.SHARED_CONDITION, "both live with Type 2 diabetes mellitus", 40),
                new Reason(Factor.SHARED_CONDITION_WISH, "the person asked for a peer who shares their condition", 10)),
                score(person, peer(TYPE_2)).reasons());
        assertEquals(20, score(person, peer(TYPE_1)).score(), "the same group is not the same condition");
        person.sharedCondition = false;
        assertEquals(40, score(person, peer(TYPE_2)).score());
    }

    @Test
    void thePreferredGenderEarnsFiveAndReadsAsAPreference() {
        Person person = person(TYPE_2);
        person.peerGender = Gender.FEMALE;
        assertEquals(new Reason(Factor.PEER_GENDER, "female, as the person prefers", 5),
                score(person, peer(TYPE_2)).reasons().get(1));
        person.peerGender = Gender.UNKNOWN;
        assertEquals(40, score(person, peer(TYPE_2)).score());
    }

    @Test
    void theSameLanguageIsWorthTenComparingThePrimarySubtag() {
        Person person = person();
        person.language = "pl-PL";
        PeerWorker polish = peer(ANXIETY);
        polish.languages = List.of("en", "pl");
        assertEquals(List.of(new Reason(Factor.LANGUAGE, "speaks the person's language (pl-PL)", 10)),
                score(person, polish).reasons());
        person.language = "ur";
        assertEquals(0, score(person, polish).score());
        person.language = " ";
        assertEquals(0, score(person, polish).score());
    }

    @Test
    void aSharedEthnicCategoryFaithOrCultureCountsWhenThePersonAskedForASharedCulture() {
        Person person = person();
        person.culture = "Polish ";
        person.ethnicity = "C";
        person.faith = Faith.CHRISTIAN;
        PeerWorker peer = peer(ANXIETY);
        peer.culture = "polish";
        peer.ethnicity = "C";
        peer.faith = Faith.CHRISTIAN;
        assertEquals(0, score(person, peer).score(), "not asked for: culture scores nothing");

        person.sharedCultureOrLanguage = true;
        assertEquals(List.of(new Reason(Factor.SHARED_CULTURE_OR_LANGUAGE_WISH,
                        "the person asked for a peer who shares their culture or language", 10),
                new Reason(Factor.CULTURE, "shares the person's ethnic category (C), faith (christian) and culture "
                        + "(polish)", 10)), score(person, peer).reasons());
        peer.culture = null;
        peer.faith = Faith.MUSLIM;
        assertEquals(new Reason(Factor.CULTURE, "shares the person's ethnic category (C)", 10),
                score(person, peer).reasons().get(1));
        peer.ethnicity = "A";
        assertEquals(0, score(person, peer).score());
        // not stated and not known are no shared background
        person.ethnicity = "Z";
        peer.ethnicity = "Z";
        person.faith = Faith.NOT_STATED;
        peer.faith = Faith.NOT_STATED;
        assertEquals(0, score(person, peer).score());
    }

    @Test
    void aWishForASharedCultureOrLanguageEarnsTenForACultureOrALanguageOtherThanEnglish() {
        Person person = person();
        person.sharedCultureOrLanguage = true;
        person.language = "en";
        PeerWorker english = peer(ANXIETY);
        english.languages = List.of("en");
        assertEquals(List.of(Factor.LANGUAGE), factors(score(person, english)), "English alone is not the wish");

        person.language = "so";
        PeerWorker somali = peer(ANXIETY);
        somali.languages = List.of("so", "en");
        assertEquals(List.of(Factor.SHARED_CULTURE_OR_LANGUAGE_WISH, Factor.LANGUAGE), factors(score(person, somali)));

        person.language = "en";
        person.ethnicity = "M";
        somali.ethnicity = "M";
        assertEquals(List.of(Factor.SHARED_CULTURE_OR_LANGUAGE_WISH, Factor.LANGUAGE, Factor.CULTURE),
                factors(score(person, somali)));
        assertEquals(30, score(person, somali).score());
    }

    // Settings and media, availability, locality, experiences

    @Test
    void eachPreferredSettingAndMediumOfferedIsWorthFiveUpToFifteen() {
        Scored two = score(person().settings(Setting.ONE_TO_ONE).media(Medium.TELEPHONE),
                peer(ANXIETY).settings(Setting.ONE_TO_ONE, Setting.GROUP).media(Medium.TELEPHONE, Medium.IN_PERSON));
        assertEquals(List.of(new Reason(Factor.SUPPORT, "offers one-to-one and telephone support, as preferred", 10)),
                two.reasons());
        Person all = person().settings(Setting.values()).media(Medium.values());
        assertEquals(15, score(all, peer(ANXIETY)).score());
        assertEquals(0, score(person(), peer(ANXIETY)).score(), "no preference, no support points");
    }

    @Test
    void eachSharedLifeExperienceIsWorthFiveUpToTen() {
        Person person = person();
        person.experiences = Set.of("Carer", "bereavement", "migration");
        PeerWorker peer = peer(ANXIETY);
        peer.experiences = Set.of("carer", "homelessness");
        assertEquals(List.of(new Reason(Factor.EXPERIENCES, "both have lived experience of carer", 5)),
                score(person, peer).reasons());
        peer.experiences = Set.of("carer", "bereavement", "migration");
        assertEquals(new Reason(Factor.EXPERIENCES, "both have lived experience of bereavement, carer and migration",
                10), score(person, peer).reasons().get(0));
    }

    @Test
    void timesBothAreFreeAreWorthFiveEachUpToTenAndReadInWeekOrder() {
        Person person = person();
        person.availability = Set.of(slot(DayOfWeek.THURSDAY, Slot.PartOfDay.EVENING),
                slot(DayOfWeek.MONDAY, Slot.PartOfDay.MORNING), slot(DayOfWeek.FRIDAY, Slot.PartOfDay.MORNING));
        PeerWorker peer = peer(ANXIETY);
        peer.availability = Set.of(slot(DayOfWeek.MONDAY, Slot.PartOfDay.MORNING),
                slot(DayOfWeek.THURSDAY, Slot.PartOfDay.EVENING), slot(DayOfWeek.MONDAY, Slot.PartOfDay.EVENING));
        assertEquals(List.of(new Reason(Factor.AVAILABILITY, "both free on Monday morning and Thursday evening", 10)),
                score(person, peer).reasons());
        peer.availability = Set.of(slot(DayOfWeek.MONDAY, Slot.PartOfDay.MORNING),
                slot(DayOfWeek.THURSDAY, Slot.PartOfDay.EVENING), slot(DayOfWeek.FRIDAY, Slot.PartOfDay.MORNING));
        assertEquals(10, score(person, peer).score(), "capped at 10");
        peer.availability = Set.of(slot(DayOfWeek.SUNDAY, Slot.PartOfDay.AFTERNOON));
        assertEquals(0, score(person, peer).score());
    }

    @Test
    void coveringThePersonsDistrictIsWorthTenOnlyForInPersonSupport() {
        Person person = person().media(Medium.IN_PERSON);
        person.locality = "LS6";
        PeerWorker peer = peer(ANXIETY).media(Medium.IN_PERSON, Medium.TELEPHONE);
        peer.localities = Set.of("LS6", "LS7");
        assertEquals(List.of(new Reason(Factor.SUPPORT, "offers in person support, as preferred", 5),
                new Reason(Factor.LOCALITY, "meets people in person in LS6, where the person lives", 10)),
                score(person, peer).reasons());
        person.media = Set.of(Medium.TELEPHONE);
        assertEquals(List.of(Factor.SUPPORT), factors(score(person, peer)), "by telephone, place does not matter");
        person.media = Set.of();
        assertEquals(List.of(Factor.LOCALITY), factors(score(person, peer)), "no preference: in person is possible");
        peer.localities = Set.of();
        assertEquals(0, score(person, peer).score(), "a peer who names no districts earns no locality points");
    }

    @Test
    void theScoreStopsAtOneHundredAndTheReasonsStillAddUp() {
        Person person = person(TYPE_2, COPD, ANXIETY).settings(Setting.values()).media(Medium.values());
        person.language = "en";
        person.sharedCondition = true;
        PeerWorker peer = peer(TYPE_2, COPD, DEPRESSION);
        peer.languages = List.of("en");
        Scored scored = score(person, peer);
        // 60 lived experience + 10 physical and mental + 10 wish + 10 language + 15 support = 105
        assertEquals(100, scored.score());
        assertEquals(new Reason(Factor.CAP, "scores stop at 100", -5), scored.reasons().get(scored.reasons().size() - 1));
        assertEquals(100, total(scored));
    }

    @Test
    void weightsComeFromConfigurationAndAZeroWeightStillExplains() {
        Weights weights = new Weights(50, 30, 80, 0, 10, 10, 5, 10, 10, 10, 5, 15, 5, 10, 10, 5, 10);
        Scorer scorer = new Scorer(weights, TAXONOMY);
        Scored scored = scorer.score(person(TYPE_2, ASTHMA).needs(), peer(TYPE_2, COPD).candidate());
        assertEquals(List.of(50, 30), scored.reasons().stream().map(Reason::points).toList());
        assertEquals(List.of(new Reason(Factor.SHARED_KIND, "both have lived experience of a mental health problem", 0)),
                scorer.score(person(ANXIETY).needs(), peer(PSYCHOSIS).candidate()).reasons());
    }

    // Hard constraints

    @Test
    void eachHardConstraintExcludesThePeerAndNoPointsBuyThemBack() {
        Person person = person(TYPE_2).settings(Setting.ONE_TO_ONE).media(Medium.TELEPHONE);
        person.peerGender = Gender.FEMALE;
        PeerWorker fits = peer(TYPE_2);
        assertEquals(Optional.empty(), exclusion(person, fits));

        PeerWorker onLeave = peer(TYPE_2);
        onLeave.status = PeerStatus.ON_LEAVE;
        PeerWorker left = peer(TYPE_2);
        left.status = PeerStatus.LEFT;
        PeerWorker full = peer(TYPE_2);
        full.capacity = 2;
        full.activeClients = 2;
        PeerWorker noCapacity = peer(TYPE_2);
        noCapacity.capacity = 0;
        PeerWorker groupOnly = peer(TYPE_2).settings(Setting.GROUP);
        PeerWorker inPersonOnly = peer(TYPE_2).media(Medium.IN_PERSON);
        PeerWorker male = peer(TYPE_2);
        male.gender = Gender.MALE;
        PeerWorker genderNotGiven = peer(TYPE_2);
        genderNotGiven.gender = null;

        assertEquals(Exclusion.ON_LEAVE, exclusion(person, onLeave).orElseThrow());
        assertEquals(Exclusion.LEFT, exclusion(person, left).orElseThrow());
        assertEquals(Exclusion.FULL, exclusion(person, full).orElseThrow());
        assertEquals(Exclusion.FULL, exclusion(person, noCapacity).orElseThrow());
        assertEquals(Exclusion.NO_COMMON_SETTING, exclusion(person, groupOnly).orElseThrow());
        assertEquals(Exclusion.NO_COMMON_MEDIUM, exclusion(person, inPersonOnly).orElseThrow());
        assertEquals(Exclusion.GENDER, exclusion(person, male).orElseThrow());
        assertEquals(Exclusion.GENDER, exclusion(person, genderNotGiven).orElseThrow());

        person.doNotMatch = Set.of(fits.id);
        assertEquals(Exclusion.DO_NOT_MATCH, exclusion(person, fits).orElseThrow());
        person.doNotMatch = Set.of();
        person.proposedBefore = Set.of(fits.id);
        assertEquals(Exclusion.PROPOSED_BEFORE, exclusion(person, fits).orElseThrow());
    }

    @Test
    void placesOfferedInOpenProposalsCountAsTakenOnlyWhenWaitingReferralsAreMatchedAgain() {
        PeerWorker peer = peer(TYPE_2);
        peer.capacity = 2;
        peer.activeClients = 1;
        peer.offeredPlaces = 1;
        Person person = person(TYPE_2);
        assertEquals(Optional.empty(), exclusion(person, peer), "a new referral may be offered any peer with a place");
        person.countOfferedPlaces = true;
        assertEquals(Exclusion.PLACES_OFFERED, exclusion(person, peer).orElseThrow());
        peer.capacity = 3;
        assertEquals(Optional.empty(), exclusion(person, peer));
    }

    @Test
    void inPersonSupportNeedsAPeerWhoMeetsPeopleWhereThePersonLives() {
        Person person = person(TYPE_2).media(Medium.IN_PERSON);
        person.locality = "BD7";
        PeerWorker leeds = peer(TYPE_2).media(Medium.IN_PERSON, Medium.TELEPHONE);
        leeds.localities = Set.of("LS6");
        assertEquals(Exclusion.OUT_OF_AREA, exclusion(person, leeds).orElseThrow());
        assertEquals("not meeting people in person in BD7", Scorer.describe(Exclusion.OUT_OF_AREA, person.needs()));

        person.media = Set.of(Medium.IN_PERSON, Medium.TELEPHONE);
        assertEquals(Optional.empty(), exclusion(person, leeds), "telephone support goes anywhere");
        person.media = Set.of();
        assertEquals(Optional.empty(), exclusion(person, leeds), "no stated medium: telephone will do");

        person.media = Set.of(Medium.IN_PERSON);
        leeds.localities = Set.of();
        assertEquals(Optional.empty(), exclusion(person, leeds), "a peer who names no districts is not limited");
        leeds.localities = Set.of("LS6");
        person.locality = null;
        assertEquals(Optional.empty(), exclusion(person, leeds), "the person's district is not known");
    }

    @Test
    void aSharedLanguageIsRequiredOnlyWhenAskedForAndNotEnglishOrWithAnInterpreter() {
        PeerWorker englishOnly = peer(TYPE_2);
        englishOnly.languages = List.of("en");
        Person person = person(TYPE_2);
        person.language = "pl";
        assertEquals(Optional.empty(), exclusion(person, englishOnly), "not asked for: an interpreter is arranged");

        person.sharedCultureOrLanguage = true;
        assertEquals(Exclusion.LANGUAGE, exclusion(person, englishOnly).orElseThrow());
        assertEquals("not speaking the person's language (pl)", Scorer.describe(Exclusion.LANGUAGE, person.needs()));
        PeerWorker polish = peer(TYPE_2);
        polish.languages = List.of("pl-PL");
        assertEquals(Optional.empty(), exclusion(person, polish));

        person.language = "en";
        assertEquals(Optional.empty(), exclusion(person, peer(TYPE_2)), "English with no interpreter: nothing needed");
        person.language = "bfi";
        person.interpreterNeeded = true;
        assertEquals(Exclusion.LANGUAGE, exclusion(person, englishOnly).orElseThrow(), "British Sign Language");
        person.language = null;
        assertEquals(Optional.empty(), exclusion(person, englishOnly), "no language given: nothing to require");
    }

    @Test
    void boundariesExcludeByConditionGroupOrLifeExperience() {
        PeerWorker peer = peer(TYPE_2);
        peer.boundaries = new Boundaries(List.of("recent bereavement"), List.of("cancer"));
        assertEquals(Exclusion.BOUNDARY, exclusion(person(TYPE_2, CANCER), peer).orElseThrow());
        Person bereaved = person(TYPE_2);
        bereaved.experiences = Set.of("Recent Bereavement ");
        assertEquals(Exclusion.BOUNDARY, exclusion(bereaved, peer).orElseThrow());
        assertEquals(Optional.empty(), exclusion(person(TYPE_2, DEPRESSION), peer));

        // a condition the taxonomy does not know falls in other-physical or other-mental, and so can a boundary
        peer.boundaries = new Boundaries(List.of(), List.of(Taxonomy.OTHER_MENTAL));
        Condition unlisted = new Condition("38341003", "An unlisted problem", ConditionKind.MENTAL);
        assertEquals(Exclusion.BOUNDARY, exclusion(person(unlisted), peer).orElseThrow());
    }

    @Test
    void noSettingsOrMediaOrAnUnknownGenderPreferenceConstrainNothing() {
        Person open = person(TYPE_2);
        open.peerGender = Gender.UNKNOWN;
        PeerWorker male = peer(ANXIETY).settings(Setting.GROUP).media(Medium.VIDEO);
        male.gender = Gender.MALE;
        assertTrue(exclusion(open, male).isEmpty());
    }

    // Ranking and waiting

    @Test
    void rankingIsByScoreThenFewerActiveClientsThenPeerId() {
        PeerWorker best = peer(TYPE_2);
        PeerWorker busy = peer(COPD);
        busy.id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        busy.activeClients = 3;
        PeerWorker quietHigherId = peer(COPD);
        quietHigherId.id = UUID.fromString("00000000-0000-0000-0000-000000000003");
        quietHigherId.activeClients = 1;
        PeerWorker quietLowerId = peer(COPD);
        quietLowerId.id = UUID.fromString("00000000-0000-0000-0000-000000000002");
        quietLowerId.activeClients = 1;
        List<Candidate> all = List.of(busy.candidate(), quietHigherId.candidate(), best.candidate(),
                quietLowerId.candidate());

        Shortlist ranked = SCORER.rank(person(TYPE_2).needs(), all, 10);
        assertEquals(List.of(best.id, quietLowerId.id, quietHigherId.id, busy.id),
                ranked.ranked().stream().map(s -> s.candidate().peerId()).toList());
        assertEquals(List.of(40, 10, 10, 10), ranked.ranked().stream().map(Scored::score).toList());
        assertNull(ranked.waitingReason());
        assertEquals(3, SCORER.rank(person(TYPE_2).needs(), all, 3).ranked().size());
    }

    @Test
    void whenNoPeerFitsTheWaitingReasonCountsWhyPeerByPeer() {
        Person person = person(TYPE_2).settings(Setting.ONE_TO_ONE);
        person.peerGender = Gender.MALE;
        person.proposedBefore = new HashSet<>();
        PeerWorker declined = peer(TYPE_2);
        person.proposedBefore.add(declined.id);
        PeerWorker onLeave = peer(TYPE_2);
        onLeave.status = PeerStatus.ON_LEAVE;
        PeerWorker full = peer(TYPE_2);
        full.capacity = 1;
        full.activeClients = 1;
        PeerWorker alsoFull = peer(TYPE_2);
        alsoFull.capacity = 0;
        PeerWorker groupOnly = peer(TYPE_2).settings(Setting.GROUP);
        groupOnly.gender = Gender.MALE;
        PeerWorker female = peer(TYPE_2);

        Shortlist shortlist = SCORER.rank(person.needs(), Stream.of(declined, onLeave, full, alsoFull, groupOnly,
                female).map(PeerWorker::candidate).toList(), 3);
        assertTrue(shortlist.ranked().isEmpty());
        assertEquals("No peer fits yet: of 6 peers, 1 already proposed, 1 on leave, 2 at capacity, 1 offering none "
                + "of the preferred settings (one-to-one), 1 not of the preferred gender (male)",
                shortlist.waitingReason());
        assertEquals("No peer fits yet: there are no peer profiles",
                SCORER.rank(person.needs(), List.of(), 3).waitingReason());
    }

    @Test
    void withTheDefaultWeightsAndNoGroupsConditionsShareOnlyTheirKind() {
        Candidate first = new Candidate(UUID.randomUUID(), true, 4, 0, List.of(TYPE_1), Gender.FEMALE, List.of("en"),
                EnumSet.of(Setting.ONE_TO_ONE), EnumSet.of(Medium.TELEPHONE));
        Candidate inactive = new Candidate(UUID.randomUUID(), false, 4, 0, List.of(TYPE_2), Gender.FEMALE,
                List.of("en"), EnumSet.of(Setting.ONE_TO_ONE), EnumSet.of(Medium.TELEPHONE));
        Needs needs = new Needs(List.of(TYPE_2), null, Set.of(), EnumSet.of(Medium.TELEPHONE), "en");
        Shortlist shortlist = new Scorer(DocumentedWeights.DEFAULTS, Taxonomy.NONE).rank(needs,
                List.of(first, inactive), 3);
        assertEquals(List.of(first.peerId()), shortlist.ranked().stream().map(s -> s.candidate().peerId()).toList());
        // without the taxonomy, type 1 and type 2 diabetes share only their kind
        assertEquals(List.of(Factor.SHARED_KIND, Factor.LANGUAGE, Factor.SUPPORT),
                factors(shortlist.ranked().get(0)));
        assertTrue(first.active());
        assertEquals(PeerStatus.ON_LEAVE, inactive.status());
    }
}
