package org.alongside.outcomes.measures;

import static org.alongside.outcomes.measures.Classification.DETERIORATED;
import static org.alongside.outcomes.measures.Classification.IMPROVED;
import static org.alongside.outcomes.measures.Classification.NO_RELIABLE_CHANGE;
import static org.alongside.outcomes.measures.Definitions.get;
import static org.alongside.outcomes.measures.Definitions.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Change from baseline, classified by each instrument's published threshold. */
class ChangeTest {

    @Test
    void phq9ReliableImprovementIsADropOfSixOrMore() {
        Scored baseline = score("PHQ9", 2, 2, 2, 2, 2, 2, 2, 1, 0); // 15
        assertChange("PHQ9", baseline, score("PHQ9", 1, 1, 1, 1, 1, 1, 1, 2, 0), "-6", IMPROVED); // 9
        assertChange("PHQ9", baseline, score("PHQ9", 1, 1, 1, 1, 1, 1, 2, 2, 0), "-5", NO_RELIABLE_CHANGE); // 10
        assertChange("PHQ9", baseline, score("PHQ9", 3, 3, 3, 2, 2, 2, 2, 3, 1), "6", DETERIORATED); // 21
        assertChange("PHQ9", baseline, score("PHQ9", 3, 3, 3, 2, 2, 2, 2, 3, 0), "5", NO_RELIABLE_CHANGE); // 20
    }

    @Test
    void gad7ReliableImprovementIsADropOfFourOrMore() {
        Scored baseline = score("GAD7", 2, 2, 2, 2, 2, 1, 1); // 12
        assertChange("GAD7", baseline, score("GAD7", 2, 2, 1, 1, 1, 1, 0), "-4", IMPROVED); // 8
        assertChange("GAD7", baseline, score("GAD7", 2, 2, 2, 1, 1, 1, 0), "-3", NO_RELIABLE_CHANGE); // 9
        assertChange("GAD7", baseline, score("GAD7", 3, 3, 2, 2, 2, 2, 2), "4", DETERIORATED); // 16
    }

    @Test
    void swemwbsChangeIsInMetricPointsAgainst287() {
        Scored baseline = score("SWEMWBS", 2, 2, 2, 2, 2, 2, 2); // raw 14 -> 15.32
        // raw 19 -> 17.98: +5 raw but only 2.66 metric points
        assertChange("SWEMWBS", baseline, score("SWEMWBS", 3, 3, 3, 3, 3, 2, 2), "2.66", NO_RELIABLE_CHANGE);
        // raw 20 -> 18.59: 3.27 metric points
        assertChange("SWEMWBS", baseline, score("SWEMWBS", 3, 3, 3, 3, 3, 3, 2), "3.27", IMPROVED);
        // raw 8 -> 9.51: -5.81
        assertChange("SWEMWBS", baseline, score("SWEMWBS", 2, 1, 1, 1, 1, 1, 1), "-5.81", DETERIORATED);
        // at the extremes the table stretches: raw 34 -> 35 is 2.45 points
        assertChange("SWEMWBS", score("SWEMWBS", 5, 5, 5, 5, 5, 5, 4), score("SWEMWBS", 5, 5, 5, 5, 5, 5, 5), "2.45",
                NO_RELIABLE_CHANGE);
    }

    @Test
    void wemwbsUsesItsUnverifiedDefaultOfThreePoints() {
        Instrument wemwbs = get("WEMWBS");
        assertEquals(false, wemwbs.meaningfulChange().verified());
        Scored baseline = score("WEMWBS", 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3); // 42
        assertChange("WEMWBS", baseline, score("WEMWBS", 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3), "3", IMPROVED);
        assertChange("WEMWBS", baseline, score("WEMWBS", 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3), "2",
                NO_RELIABLE_CHANGE);
    }

    @Test
    void instrumentsWithoutAPublishedThresholdReportTheChangeUnclassified() {
        assertChange("UCLA3", score("UCLA3", 3, 3, 3), score("UCLA3", 1, 1, 1), "-6", null);
        assertChange("SEMCD6", score("SEMCD6", 4, 4, 4, 4, 4, 4), score("SEMCD6", 7, 7, 7, 7, 7, 8), "3.17", null);
        Change pam = Change.between(get("PAM"), Definitions.entered("PAM", "47.0"), Definitions.entered("PAM", "58.5"));
        assertEquals(new BigDecimal("11.5"), pam.fromBaseline());
        assertNull(pam.classification());
    }

    @Test
    void aConfiguredThresholdReplacesThePublishedOne() {
        Instrument phq9 = Definitions.with("alongside.outcomes.thresholds.PHQ9", "5").get("PHQ9");
        assertEquals(true, phq9.meaningfulChange().configured());
        Change change = Change.between(phq9, score("PHQ9", 2, 2, 2, 2, 2, 2, 2, 1, 0),
                score("PHQ9", 1, 1, 1, 1, 1, 1, 2, 2, 0));
        assertEquals(IMPROVED, change.classification());
    }

    @Test
    void ons4ChangesItemByItemAndAnxietyImprovesDownwards() {
        Scored baseline = score("ONS4", 4, 5, 3, 8);
        Scored later = score("ONS4", 7, 5, 2, 4);
        Change unconfigured = Change.between(get("ONS4"), baseline, later);
        assertNull(unconfigured.fromBaseline());
        assertEquals(new BigDecimal(3), unconfigured.items().get("lifeSatisfaction").fromBaseline());
        assertEquals(new BigDecimal(-4), unconfigured.items().get("anxiety").fromBaseline());
        assertNull(unconfigured.items().get("anxiety").classification(), "no published threshold");

        Instrument configured = Definitions.with("alongside.outcomes.thresholds.ONS4", "2",
                "alongside.outcomes.thresholds.ONS4.happiness", "1").get("ONS4");
        Change change = Change.between(configured, baseline, later);
        assertEquals(IMPROVED, change.items().get("lifeSatisfaction").classification());
        assertEquals(NO_RELIABLE_CHANGE, change.items().get("worthwhile").classification());
        assertEquals(DETERIORATED, change.items().get("happiness").classification(), "item setting wins");
        assertEquals(IMPROVED, change.items().get("anxiety").classification(), "less anxiety is better");

        ChangeView view = ChangeView.of(change);
        assertEquals(Map.of("lifeSatisfaction", new BigDecimal(3), "worthwhile", BigDecimal.ZERO, "happiness",
                new BigDecimal(-1), "anxiety", new BigDecimal(-4)), view.fromBaseline());
        assertNull(view.classification());
        assertEquals(Map.of("lifeSatisfaction", IMPROVED, "worthwhile", NO_RELIABLE_CHANGE, "happiness", DETERIORATED,
                "anxiety", IMPROVED), view.itemClassifications());
    }

    @Test
    void serviceUseChangeIsADifferenceInCountsNeverClassified() {
        Change change = Change.between(get("SERVICE_USE"), score("SERVICE_USE", 6, 3, 2, 9, 1, 2, 1),
                score("SERVICE_USE", 2, 0, 0, 0, 0, 3, 0));
        assertEquals(new BigDecimal(-9), change.items().get("hospitalNights").fromBaseline());
        assertEquals(BigDecimal.ONE, change.items().get("outpatientAppointments").fromBaseline());
        assertNull(ChangeView.of(change).itemClassifications());
    }

    @Test
    void noChangeWithoutAScoreAtBothEnds() {
        Scored notScored = score("SEMCD6", 7, null, null, null, 5, 8);
        assertNull(Change.between(get("SEMCD6"), notScored, score("SEMCD6", 7, 7, 7, 7, 7, 7)));
        assertNull(Change.between(get("SEMCD6"), score("SEMCD6", 7, 7, 7, 7, 7, 7), notScored));
        assertNull(ChangeView.of(null));
    }

    private static void assertChange(String code, Scored baseline, Scored later, String difference,
            Classification expected) {
        Change change = Change.between(get(code), baseline, later);
        assertEquals(new BigDecimal(difference), change.fromBaseline(), code + " change");
        assertEquals(expected, change.classification(), code + " change of " + difference);
    }
}
