package org.alongside.outcomes.measures;

import static org.alongside.outcomes.measures.Definitions.answers;
import static org.alongside.outcomes.measures.Definitions.entered;
import static org.alongside.outcomes.measures.Definitions.get;
import static org.alongside.outcomes.measures.Definitions.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Hand-worked examples of every instrument's published scoring rule (docs: shared outcome-instruments reference). */
class ScorerTest {

    /** The Warwick Medical School raw-to-metric table, typed from the reference, not read from the definition. */
    private static final Map<Integer, String> SWEMWBS_METRIC = Map.ofEntries(
            Map.entry(7, "7.00"), Map.entry(8, "9.51"), Map.entry(9, "11.25"), Map.entry(10, "12.40"),
            Map.entry(11, "13.33"), Map.entry(12, "14.08"), Map.entry(13, "14.75"), Map.entry(14, "15.32"),
            Map.entry(15, "15.84"), Map.entry(16, "16.36"), Map.entry(17, "16.88"), Map.entry(18, "17.43"),
            Map.entry(19, "17.98"), Map.entry(20, "18.59"), Map.entry(21, "19.25"), Map.entry(22, "19.98"),
            Map.entry(23, "20.73"), Map.entry(24, "21.54"), Map.entry(25, "22.35"), Map.entry(26, "23.21"),
            Map.entry(27, "24.11"), Map.entry(28, "25.03"), Map.entry(29, "26.02"), Map.entry(30, "27.03"),
            Map.entry(31, "28.13"), Map.entry(32, "29.31"), Map.entry(33, "30.70"), Map.entry(34, "32.55"),
            Map.entry(35, "35.00"));

    @Test
    void swemwbsEveryRawTotalConvertsToItsMetricScore() {
        assertEquals(29, SWEMWBS_METRIC.size());
        for (int raw = 7; raw <= 35; raw++) {
            Scored scored = score("SWEMWBS", swemwbsAnswersTotalling(raw));
            assertEquals(raw, scored.rawScore(), "raw total " + raw);
            assertEquals(SWEMWBS_METRIC.get(raw), scored.score().toPlainString(), "metric score of raw " + raw);
            assertNull(scored.band());
        }
    }

    @Test
    void swemwbsHandWorkedExample() {
        // 4 + 3 + 2 + 4 + 3 + 4 + 5 = 25 -> 22.35
        Scored scored = score("SWEMWBS", 4, 3, 2, 4, 3, 4, 5);
        assertEquals(25, scored.rawScore());
        assertEquals(new BigDecimal("22.35"), scored.score());
    }

    @Test
    void wemwbsIsTheTotalOfFourteenItems() {
        assertEquals(new BigDecimal(14), score("WEMWBS", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1).score());
        assertEquals(new BigDecimal(70), score("WEMWBS", 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5).score());
        Scored mixed = score("WEMWBS", 3, 4, 2, 5, 1, 3, 4, 4, 3, 2, 5, 3, 4, 3);
        assertEquals(46, mixed.rawScore());
        assertEquals(new BigDecimal(46), mixed.score());
    }

    @Test
    void ons4ItemsAreScoredAndBandedSeparatelyNeverSummed() {
        Scored scored = score("ONS4", 7, 9, 4, 6);
        assertNull(scored.score());
        assertNull(scored.rawScore());
        assertEquals(Map.of("lifeSatisfaction", BigDecimal.valueOf(7), "worthwhile", BigDecimal.valueOf(9),
                "happiness", BigDecimal.valueOf(4), "anxiety", BigDecimal.valueOf(6)), scored.itemScores());
        assertEquals(List.of("lifeSatisfaction", "worthwhile", "happiness", "anxiety"),
                List.copyOf(scored.itemScores().keySet()), "items in question order");
        assertEquals(Map.of("lifeSatisfaction", "HIGH", "worthwhile", "VERY_HIGH", "happiness", "LOW",
                "anxiety", "HIGH"), scored.itemBands());
    }

    @Test
    void ons4BandBoundaries() {
        // satisfaction, worthwhile, happiness: 0-4 low, 5-6 medium, 7-8 high, 9-10 very high
        String[] wellbeing = {"LOW", "LOW", "LOW", "LOW", "LOW", "MEDIUM", "MEDIUM", "HIGH", "HIGH", "VERY_HIGH",
                "VERY_HIGH"};
        // anxiety: 0-1 very low, 2-3 low, 4-5 medium, 6-10 high
        String[] anxiety = {"VERY_LOW", "VERY_LOW", "LOW", "LOW", "MEDIUM", "MEDIUM", "HIGH", "HIGH", "HIGH", "HIGH",
                "HIGH"};
        for (int answer = 0; answer <= 10; answer++) {
            Map<String, String> bands = score("ONS4", answer, answer, answer, answer).itemBands();
            assertEquals(wellbeing[answer], bands.get("lifeSatisfaction"), "satisfaction " + answer);
            assertEquals(wellbeing[answer], bands.get("worthwhile"), "worthwhile " + answer);
            assertEquals(wellbeing[answer], bands.get("happiness"), "happiness " + answer);
            assertEquals(anxiety[answer], bands.get("anxiety"), "anxiety " + answer);
        }
    }

    @Test
    void phq9TotalBandsAndCaseness() {
        Map<Integer, String> bands = new LinkedHashMap<>();
        bands.put(0, "NONE_MINIMAL");
        bands.put(4, "NONE_MINIMAL");
        bands.put(5, "MILD");
        bands.put(9, "MILD");
        bands.put(10, "MODERATE");
        bands.put(14, "MODERATE");
        bands.put(15, "MODERATELY_SEVERE");
        bands.put(19, "MODERATELY_SEVERE");
        bands.put(20, "SEVERE");
        bands.put(27, "SEVERE");
        bands.forEach((total, band) -> {
            Scored scored = score("PHQ9", totalling(total, 9, 0, 3));
            assertEquals(total, scored.rawScore());
            assertEquals(BigDecimal.valueOf(total), scored.score());
            assertEquals(band, scored.band(), "PHQ-9 total " + total);
            assertEquals(total >= 10, scored.caseness(), "caseness at " + total);
        });
        // 2 + 1 + 2 + 3 + 1 + 0 + 2 + 1 + 0 = 12, moderate
        Scored example = score("PHQ9", 2, 1, 2, 3, 1, 0, 2, 1, 0);
        assertEquals(12, example.rawScore());
        assertEquals("MODERATE", example.band());
        assertEquals(List.of(), example.riskItems());
    }

    @Test
    void phq9Item9AboveZeroIsARiskWhateverTheTotal() {
        assertEquals(List.of(9), score("PHQ9", 0, 0, 0, 0, 0, 0, 0, 0, 1).riskItems());
        assertEquals(List.of(9), score("PHQ9", 3, 3, 3, 3, 3, 3, 3, 3, 3).riskItems());
        assertEquals(List.of(), score("PHQ9", 3, 3, 3, 3, 3, 3, 3, 3, 0).riskItems());
        assertEquals(List.of(), score("GAD7", 3, 3, 3, 3, 3, 3, 3).riskItems());
    }

    @Test
    void gad7TotalBandsAndCaseness() {
        Map<Integer, String> bands = new LinkedHashMap<>();
        bands.put(0, "MINIMAL");
        bands.put(4, "MINIMAL");
        bands.put(5, "MILD");
        bands.put(9, "MILD");
        bands.put(10, "MODERATE");
        bands.put(14, "MODERATE");
        bands.put(15, "SEVERE");
        bands.put(21, "SEVERE");
        bands.forEach((total, band) -> {
            Scored scored = score("GAD7", totalling(total, 7, 0, 3));
            assertEquals(BigDecimal.valueOf(total), scored.score());
            assertEquals(band, scored.band(), "GAD-7 total " + total);
        });
        assertEquals(false, score("GAD7", 1, 1, 1, 1, 1, 1, 1).caseness());
        assertEquals(true, score("GAD7", 2, 1, 1, 1, 1, 1, 1).caseness());
    }

    @Test
    void semcd6IsTheMeanOfTheItemsAnswered() {
        // (7 + 8 + 6 + 9 + 5 + 8) / 6 = 43 / 6 = 7.1666... -> 7.17
        assertEquals(new BigDecimal("7.17"), score("SEMCD6", 7, 8, 6, 9, 5, 8).score());
        // two missing: (7 + 6 + 5 + 8) / 4 = 6.50
        Scored twoMissing = score("SEMCD6", 7, null, 6, null, 5, 8);
        assertEquals(new BigDecimal("6.50"), twoMissing.score());
        assertEquals(listOf(7, null, 6, null, 5, 8), twoMissing.answers());
        assertNull(twoMissing.rawScore());
        assertEquals(new BigDecimal("10.00"), score("SEMCD6", 10, 10, 10, 10, 10, 10).score());
        assertEquals(new BigDecimal("1.00"), score("SEMCD6", 1, null, 1, 1, null, 1).score());
    }

    @Test
    void semcd6WithMoreThanTwoMissingIsRecordedButNotScored() {
        Scored threeMissing = score("SEMCD6", 7, null, 6, null, null, 8);
        assertNull(threeMissing.score());
        assertNull(threeMissing.band());
        assertTrue(threeMissing.notScoredReason().contains("3 of 6 items missing"), threeMissing.notScoredReason());
        assertFields(() -> score("SEMCD6", null, null, null, null, null, null), "answers");
    }

    @Test
    void ucla3IsTheTotalOfThreeItems() {
        assertEquals(new BigDecimal(3), score("UCLA3", 1, 1, 1).score());
        assertEquals(new BigDecimal(6), score("UCLA3", 1, 2, 3).score());
        assertEquals(new BigDecimal(9), score("UCLA3", 3, 3, 3).score());
        assertNull(score("UCLA3", 3, 3, 3).band(), "no standard cut-off, so no band");
        assertNull(score("UCLA3", 3, 3, 3).caseness(), "no standard cut-off unless configured");
    }

    @Test
    void pamLevelsAtEveryBoundary() {
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put("0", "LEVEL_1");
        levels.put("47.0", "LEVEL_1");
        levels.put("47.1", "LEVEL_2");
        levels.put("55.1", "LEVEL_2");
        levels.put("55.2", "LEVEL_3");
        levels.put("72.4", "LEVEL_3");
        levels.put("72.5", "LEVEL_4");
        levels.put("100", "LEVEL_4");
        levels.forEach((score, level) -> assertEquals(level, entered("PAM", score).band(), "PAM " + score));
        assertEquals(new BigDecimal("62.0"), entered("PAM", "62").score());
        assertNull(entered("PAM", "62").answers(), "PAM items are never held");
    }

    @Test
    void pamScoresOutsideTheToolsRangeOrPrecisionAreRefused() {
        assertFields(() -> entered("PAM", "100.1"), "score");
        assertFields(() -> entered("PAM", "-0.1"), "score");
        assertFields(() -> entered("PAM", "47.05"), "score");
        assertFields(() -> Scorer.score(get("PAM"), answers(1, 2, 3), new BigDecimal("50")), "answers");
        assertFields(() -> Scorer.score(get("PAM"), null, null), "score");
    }

    @Test
    void eq5d5lIndexValueRange() {
        assertEquals(new BigDecimal("-0.594"), entered("EQ5D5L", "-0.594").score());
        assertEquals(new BigDecimal("1.000"), entered("EQ5D5L", "1").score());
        assertEquals(new BigDecimal("0.812"), entered("EQ5D5L", "0.812").score());
        assertNull(entered("EQ5D5L", "0.812").band());
        assertFields(() -> entered("EQ5D5L", "-0.595"), "score");
        assertFields(() -> entered("EQ5D5L", "1.001"), "score");
        assertFields(() -> entered("EQ5D5L", "0.8125"), "score");
    }

    @Test
    void serviceUseIsSevenCountsCappedAtThreeMonthsOfDays() {
        Scored scored = score("SERVICE_USE", 3, 1, 1, 4, 2, 1, 0);
        assertNull(scored.score());
        assertEquals(Map.of("gpAppointments", BigDecimal.valueOf(3), "emergencyAttendances", BigDecimal.ONE,
                "hospitalAdmissions", BigDecimal.ONE, "hospitalNights", BigDecimal.valueOf(4),
                "gpAppointmentsMissed", BigDecimal.valueOf(2), "outpatientAppointments", BigDecimal.ONE,
                "outpatientAppointmentsMissed", BigDecimal.ZERO), scored.itemScores());
        assertNull(scored.itemBands());
        assertEquals(new BigDecimal(92), score("SERVICE_USE", 0, 0, 1, 92, 0, 0, 0).itemScores()
                .get("hospitalNights"));
        assertFields(() -> score("SERVICE_USE", 0, 0, 1, 93, 0, 0, 0), "answers[3]");
        assertFields(() -> score("SERVICE_USE", -1, 0, 0, 0, 0, 0, 0), "answers[0]");
        assertFields(() -> score("SERVICE_USE", 1, null, 0, 0, 0, 0, 0), "answers[1]");
    }

    @Test
    void wrongAnswerCountsNameTheAnswers() {
        ProblemException problem = assertFields(() -> score("PHQ9", 1, 1, 1, 1, 1, 1, 1, 1), "answers");
        assertTrue(problem.getMessage().contains("must hold 9 answers"), problem.getMessage());
        assertFields(() -> score("SWEMWBS", 1, 1, 1, 1, 1, 1, 1, 1), "answers");
        assertFields(() -> Scorer.score(get("GAD7"), null, null), "answers");
        assertFields(() -> Scorer.score(get("GAD7"), List.of(), null), "answers");
    }

    @Test
    void eachOutOfRangeAnswerIsNamedByItsIndex() {
        ProblemException problem = assertFields(() -> score("SWEMWBS", 1, 2, 3, 6, 5, 0, 1),
                "answers[3]", "answers[5]");
        assertTrue(problem.getMessage().contains("SWEMWBS item 4"), problem.getMessage());
        assertFields(() -> score("PHQ9", 0, 0, 0, 4, 0, 0, 0, 0, 0), "answers[3]");
        assertFields(() -> score("GAD7", 0, -1, 0, 0, 0, 0, 0), "answers[1]");
        assertFields(() -> score("ONS4", 11, 0, 0, 0), "answers[0]");
        assertFields(() -> score("SEMCD6", 0, 1, 1, 1, 1, 1), "answers[0]");
        assertFields(() -> score("UCLA3", 1, 4, 1), "answers[1]");
        assertFields(() -> score("WEMWBS", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 6), "answers[13]");
    }

    @Test
    void answersMustBeWholeAndPresentUnlessTheInstrumentAllowsMissingItems() {
        assertFields(() -> Scorer.score(get("PHQ9"), List.of(BigDecimal.ONE, new BigDecimal("1.5"), BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE), null),
                "answers[1]");
        assertFields(() -> score("PHQ9", 1, 1, null, 1, 1, 1, 1, 1, 1), "answers[2]");
        assertFields(() -> Scorer.score(get("PHQ9"), answers(1, 1, 1, 1, 1, 1, 1, 1, 1), BigDecimal.TEN), "score");
        // a whole number written with a decimal point is still whole
        assertEquals(new BigDecimal(3), Scorer.score(get("UCLA3"), List.of(new BigDecimal("1.0"), BigDecimal.ONE,
                BigDecimal.ONE), null).score());
    }

    /** Answers of an instrument whose items run lo..hi, adding up to {@code total}, filled from the first item. */
    private static Integer[] totalling(int total, int items, int lo, int hi) {
        Integer[] answers = new Integer[items];
        int left = total - lo * items;
        for (int i = 0; i < items; i++) {
            int add = Math.min(hi - lo, left);
            answers[i] = lo + add;
            left -= add;
        }
        assertEquals(0, left, "total " + total + " reachable");
        return answers;
    }

    private static Integer[] swemwbsAnswersTotalling(int raw) {
        return totalling(raw, 7, 1, 5);
    }

    private static List<Integer> listOf(Integer... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    private static ProblemException assertFields(Runnable scoring, String... fields) {
        ProblemException problem = assertThrows(ProblemException.class, scoring::run);
        assertEquals(400, problem.status());
        Problem body = problem.toProblem("/measurements");
        assertEquals(List.of(fields), body.errors().stream().map(Problem.FieldError::field).toList());
        return problem;
    }
}
