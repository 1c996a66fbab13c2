package org.alongside.matching.proposals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.alongside.matching.proposals.Scorer.Candidate;
import org.alongside.matching.proposals.Scorer.Factor;
import org.alongside.matching.proposals.Scorer.Needs;
import org.alongside.matching.proposals.Scorer.Reason;
import org.alongside.matching.proposals.Scorer.Scored;
import org.alongside.matching.proposals.Scorer.Shortlist;
import org.alongside.matching.vocabulary.Condition;
import org.alongside.matching.vocabulary.ConditionKind;
import org.alongside.matching.vocabulary.Gender;
import org.alongside.matching.vocabulary.SupportFormat;
import org.junit.jupiter.api.Test;

class ScorerTest {

    static final Condition DIABETES = new Condition("44054006", "Type 2 diabetes mellitus", ConditionKind.PHYSICAL);
    static final Condition COPD = new Condition("13645005", "Chronic obstructive lung disease", ConditionKind.PHYSICAL);
    static final Condition ARTHRITIS = new Condition("69896004", "Rheumatoid arthritis", ConditionKind.PHYSICAL);
    static final Condition DEPRESSION = new Condition("35489007", "Depressive disorder", ConditionKind.MENTAL);
    static final Condition ANXIETY = new Condition("197480006", "Anxiety disorder", ConditionKind.MENTAL);

    private static Needs needs(List<Condition> conditions, Set<SupportFormat> formats, String language) {
        return new Needs(conditions, null, formats, language);
    }

    private static Candidate peer(List<Condition> lived, Set<SupportFormat> formats, List<String> languages) {
        return new Candidate(UUID.randomUUID(), true, 4, 0, lived, Gender.FEMALE, languages, formats);
    }

    private static Set<SupportFormat> formats(SupportFormat... formats) {
        return formats.length == 0 ? EnumSet.noneOf(SupportFormat.class) : EnumSet.copyOf(List.of(formats));
    }

    private static int total(Scored scored) {
        return scored.reasons().stream().mapToInt(Reason::points).sum();
    }

    @Test
    void aSharedConditionIsWorthFortyPointsAndSaysWhichCondition() {
        Scored scored = Scorer.score(needs(List.of(DIABETES), formats(), null),
                peer(List.of(DIABETES), formats(SupportFormat.GROUP), List.of()));
        assertEquals(40, scored.score());
        assertEquals(List.of(new Reason(Factor.SHARED_CONDITION, "both live with Type 2 diabetes mellitus", 40)),
                scored.reasons());
    }

    @Test
    void sharedConditionsScoreSixtyAtMostAndTheCappedOneSaysSo() {
        Scored scored = Scorer.score(needs(List.of(DIABETES, DEPRESSION, COPD), formats(), null),
                peer(List.of(COPD, DEPRESSION, DIABETES), formats(SupportFormat.GROUP), List.of()));
        List<Reason> shared = scored.reasons().stream().filter(r -> r.factor() == Factor.SHARED_CONDITION).toList();
        assertEquals(List.of(40, 20, 0), shared.stream().map(Reason::points).toList());
        assertTrue(shared.get(1).detail().startsWith("both live with Depressive disorder (shared conditions score 60"));
        // both kinds shared by condition: no kind points; both profiles physical and mental: +10
        assertEquals(70, scored.score());
        assertEquals(scored.score(), total(scored));
    }

    @Test
    void aRepeatedConditionCountsOnceAndUncodedConditionsNeverMatchByCode() {
        Condition uncoded = new Condition(null, "Long COVID", ConditionKind.PHYSICAL);
        Scored scored = Scorer.score(needs(List.of(DIABETES, DIABETES, uncoded), formats(), null),
                peer(List.of(DIABETES, new Condition(null, "Long COVID", ConditionKind.PHYSICAL)), formats(), List.of()));
        assertEquals(40, scored.score());
    }

    @Test
    void theSameKindWithoutASharedConditionIsWorthTenForEachKind() {
        Scored scored = Scorer.score(needs(List.of(DIABETES, DEPRESSION), formats(), null),
                peer(List.of(COPD, ANXIETY), formats(), List.of()));
        assertEquals(List.of(
                new Reason(Factor.SHARED_KIND, "both have lived experience of a long-term physical condition", 10),
                new Reason(Factor.SHARED_KIND, "both have lived experience of a mental health problem", 10),
                new Reason(Factor.PHYSICAL_AND_MENTAL,
                        "both live with a long-term physical condition and a mental health problem", 10)),
                scored.reasons());
        assertEquals(30, scored.score());
    }

    @Test
    void aKindAlreadySharedByAConditionEarnsNoKindPoints() {
        Scored scored = Scorer.score(needs(List.of(DIABETES, ARTHRITIS), formats(), null),
                peer(List.of(DIABETES, COPD), formats(), List.of()));
        assertEquals(List.of(Factor.SHARED_CONDITION), scored.reasons().stream().map(Reason::factor).toList());
        assertEquals(40, scored.score());
    }

    @Test
    void physicalAndMentalProfileNeedsBothKindsOnBothSides() {
        Scored onlyPersonHasBoth = Scorer.score(needs(List.of(DIABETES, DEPRESSION), formats(), null),
                peer(List.of(DIABETES), formats(), List.of()));
        assertEquals(40, onlyPersonHasBoth.score());
    }

    @Test
    void theSameLanguageIsWorthTenComparingThePrimarySubtag() {
        Scored scored = Scorer.score(needs(List.of(), formats(), "pl-PL"), peer(List.of(ANXIETY), formats(),
                List.of("en", "pl")));
        assertEquals(List.of(new Reason(Factor.LANGUAGE, "speaks the person's language (pl-PL)", 10)), scored.reasons());
        assertEquals(0, Scorer.score(needs(List.of(), formats(), "ur"),
                peer(List.of(ANXIETY), formats(), List.of("en"))).score());
        assertEquals(0, Scorer.score(needs(List.of(), formats(), " "),
                peer(List.of(ANXIETY), formats(), List.of("en"))).score());
    }

    @Test
    void eachPreferredFormatOfferedIsWorthFiveUpToFifteen() {
        Scored two = Scorer.score(needs(List.of(), formats(SupportFormat.TELEPHONE, SupportFormat.ONE_TO_ONE), null),
                peer(List.of(ANXIETY), formats(SupportFormat.ONE_TO_ONE, SupportFormat.TELEPHONE, SupportFormat.GROUP),
                        List.of()));
        assertEquals(List.of(new Reason(Factor.FORMATS, "offers one-to-one and telephone support, as preferred", 10)),
                two.reasons());
        Set<SupportFormat> all = formats(SupportFormat.values());
        assertEquals(15, Scorer.score(needs(List.of(), all, null), peer(List.of(ANXIETY), all, List.of())).score());
    }

    @Test
    void theScoreStopsAtOneHundredAndTheReasonsStillAddUp() {
        Set<SupportFormat> all = formats(SupportFormat.values());
        Scored scored = Scorer.score(needs(List.of(DIABETES, COPD, ANXIETY), all, "en"),
                peer(List.of(DIABETES, COPD, DEPRESSION), all, List.of("en")));
        // 60 shared conditions + 10 mental kind + 10 physical and mental + 10 language + 15 formats = 105
        assertEquals(100, scored.score());
        Reason cap = scored.reasons().get(scored.reasons().size() - 1);
        assertEquals(new Reason(Factor.CAP, "scores stop at 100", -5), cap);
        assertEquals(100, total(scored));
    }

    @Test
    void hardConstraintsExcludeInactiveFullWrongFormatAndWrongGenderPeers() {
        Needs needs = new Needs(List.of(DIABETES), Gender.FEMALE, formats(SupportFormat.TELEPHONE), null);
        Candidate fits = peer(List.of(DIABETES), formats(SupportFormat.TELEPHONE), List.of());
        Candidate inactive = new Candidate(UUID.randomUUID(), false, 4, 0, List.of(DIABETES), Gender.FEMALE, List.of(),
                formats(SupportFormat.TELEPHONE));
        Candidate full = new Candidate(UUID.randomUUID(), true, 2, 2, List.of(DIABETES), Gender.FEMALE, List.of(),
                formats(SupportFormat.TELEPHONE));
        Candidate noCapacity = new Candidate(UUID.randomUUID(), true, 0, 0, List.of(DIABETES), Gender.FEMALE,
                List.of(), formats(SupportFormat.TELEPHONE));
        Candidate groupOnly = peer(List.of(DIABETES), formats(SupportFormat.GROUP), List.of());
        Candidate male = new Candidate(UUID.randomUUID(), true, 4, 0, List.of(DIABETES), Gender.MALE, List.of(),
                formats(SupportFormat.TELEPHONE));
        Candidate unknownGender = new Candidate(UUID.randomUUID(), true, 4, 0, List.of(DIABETES), null, List.of(),
                formats(SupportFormat.TELEPHONE));

        assertEquals(List.of(), Scorer.exclusion(needs, fits).stream().toList());
        assertEquals(Scorer.Exclusion.INACTIVE, Scorer.exclusion(needs, inactive).orElseThrow());
        assertEquals(Scorer.Exclusion.FULL, Scorer.exclusion(needs, full).orElseThrow());
        assertEquals(Scorer.Exclusion.FULL, Scorer.exclusion(needs, noCapacity).orElseThrow());
        assertEquals(Scorer.Exclusion.NO_COMMON_FORMAT, Scorer.exclusion(needs, groupOnly).orElseThrow());
        assertEquals(Scorer.Exclusion.GENDER, Scorer.exclusion(needs, male).orElseThrow());
        assertEquals(Scorer.Exclusion.GENDER, Scorer.exclusion(needs, unknownGender).orElseThrow());

        Shortlist shortlist = Scorer.shortlist(needs, List.of(inactive, full, groupOnly, male, fits), 3);
        assertEquals(List.of(fits.peerId()), shortlist.ranked().stream().map(s -> s.candidate().peerId()).toList());
        assertNull(shortlist.waitingReason());
    }

    @Test
    void noFormatsOrAnUnknownGenderPreferenceConstrainNothing() {
        Needs open = new Needs(List.of(DIABETES), Gender.UNKNOWN, formats(), null);
        Candidate male = new Candidate(UUID.randomUUID(), true, 4, 0, List.of(ANXIETY), Gender.MALE, List.of(),
                formats(SupportFormat.VIDEO));
        assertTrue(Scorer.exclusion(open, male).isEmpty());
    }

    @Test
    void rankingIsByScoreThenFewerActiveClientsThenPeerId() {
        Needs needs = needs(List.of(DIABETES), formats(), null);
        Candidate best = peer(List.of(DIABETES), formats(), List.of());
        Candidate busy = new Candidate(UUID.fromString("00000000-0000-0000-0000-000000000001"), true, 5, 3,
                List.of(COPD), Gender.FEMALE, List.of(), formats());
        Candidate quietHigherId = new Candidate(UUID.fromString("00000000-0000-0000-0000-000000000003"), true, 5, 1,
                List.of(COPD), Gender.FEMALE, List.of(), formats());
        Candidate quietLowerId = new Candidate(UUID.fromString("00000000-0000-0000-0000-000000000002"), true, 5, 1,
                List.of(COPD), Gender.FEMALE, List.of(), formats());

        Shortlist all = Scorer.shortlist(needs, List.of(busy, quietHigherId, best, quietLowerId), 10);
        assertEquals(List.of(best.peerId(), quietLowerId.peerId(), quietHigherId.peerId(), busy.peerId()),
                all.ranked().stream().map(s -> s.candidate().peerId()).toList());
        assertEquals(List.of(40, 10, 10, 10), all.ranked().stream().map(Scored::score).toList());

        Shortlist three = Scorer.shortlist(needs, List.of(busy, quietHigherId, best, quietLowerId), 3);
        assertEquals(3, three.ranked().size());
    }

    @Test
    void whenNoPeerFitsTheWaitingReasonCountsWhyPeerByPeer() {
        Needs needs = new Needs(List.of(DIABETES), Gender.MALE,
                formats(SupportFormat.TELEPHONE, SupportFormat.ONE_TO_ONE), null);
        Candidate inactive = new Candidate(UUID.randomUUID(), false, 4, 0, List.of(DIABETES), Gender.MALE, List.of(),
                formats(SupportFormat.TELEPHONE));
        Candidate full = new Candidate(UUID.randomUUID(), true, 1, 1, List.of(DIABETES), Gender.MALE, List.of(),
                formats(SupportFormat.TELEPHONE));
        Candidate alsoFull = new Candidate(UUID.randomUUID(), true, 0, 0, List.of(DIABETES), Gender.MALE, List.of(),
                formats(SupportFormat.TELEPHONE));
        Candidate groupOnly = new Candidate(UUID.randomUUID(), true, 4, 0, List.of(DIABETES), Gender.MALE, List.of(),
                formats(SupportFormat.GROUP));
        Candidate female = peer(List.of(DIABETES), formats(SupportFormat.TELEPHONE), List.of());

        Shortlist shortlist = Scorer.shortlist(needs, List.of(inactive, full, alsoFull, groupOnly, female), 3);
        assertTrue(shortlist.ranked().isEmpty());
        assertEquals("No peer fits yet: of 5 peers, 1 inactive, 2 at capacity, 1 offering none of the preferred "
                + "formats (one-to-one or telephone), 1 not of the preferred gender (male)", shortlist.waitingReason());
        assertEquals("No peer fits yet: there are no peer profiles",
                Scorer.shortlist(needs, List.of(), 3).waitingReason());
    }
}
