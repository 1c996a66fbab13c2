package org.alongside.outcomes.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentCatalogueTest {

    @Test
    void everyInstrumentOfTheIssueIsDefined() {
        assertEquals(List.of("SWEMWBS", "WEMWBS", "ONS4", "PHQ9", "GAD7", "SEMCD6", "UCLA3", "PAM", "EQ5D5L",
                "SERVICE_USE"), List.copyOf(Definitions.DEFAULT.keySet()));
        Definitions.DEFAULT.values().forEach(instrument ->
                assertEquals(List.of(), InstrumentCatalogue.problems(instrument), instrument.code()));
    }

    @Test
    void itemCountsAndRangesAreThePublishedOnes() {
        assertItems("SWEMWBS", 7, 1, 5);
        assertItems("WEMWBS", 14, 1, 5);
        assertItems("ONS4", 4, 0, 10);
        assertItems("PHQ9", 9, 0, 3);
        assertItems("GAD7", 7, 0, 3);
        assertItems("SEMCD6", 6, 1, 10);
        assertItems("UCLA3", 3, 1, 3);
        assertItems("SERVICE_USE", 7, 0, 92);
        assertTrue(Definitions.get("PAM").items().isEmpty(), "licensed: no items");
        assertTrue(Definitions.get("EQ5D5L").items().isEmpty(), "licensed: no items");
    }

    @Test
    void theSwemwbsCopyrightLineIsCarried() {
        assertEquals("(c) NHS Health Scotland, University of Warwick and University of Edinburgh, 2008",
                Definitions.get("SWEMWBS").copyright());
        assertEquals("Optimistic about the future", Definitions.get("SWEMWBS").items().get(0).text());
    }

    @Test
    void thresholdsNameTheSettingThatChangesThem() {
        Instrument.Threshold phq9 = Definitions.get("PHQ9").meaningfulChange();
        assertEquals(new BigDecimal("6"), phq9.value());
        assertEquals("alongside.outcomes.thresholds.PHQ9", phq9.configKey());
        assertFalse(phq9.configured());
        assertEquals(new BigDecimal("4"), Definitions.get("GAD7").meaningfulChange().value());
        assertEquals(new BigDecimal("2.87"), Definitions.get("SWEMWBS").meaningfulChange().value());
        assertEquals("alongside.outcomes.thresholds.ONS4.anxiety",
                Definitions.get("ONS4").items().get(3).meaningfulChange().configKey());
        assertNull(Definitions.get("ONS4").items().get(3).meaningfulChange().value());
    }

    @Test
    void theUnverifiedLonelinessCutOffCanBeConfigured() {
        assertNull(Definitions.get("UCLA3").caseness().value());
        Instrument configured = Definitions.with("alongside.outcomes.caseness.UCLA3", "6").get("UCLA3");
        assertTrue(configured.caseness().configured());
        assertEquals(true, Scorer.score(configured, Definitions.answers(2, 2, 2), null).caseness());
        assertEquals(false, Scorer.score(configured, Definitions.answers(2, 2, 1), null).caseness());
    }

    @Test
    void aThresholdOfZeroOrLessIsRefusedAtStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Definitions.with("alongside.outcomes.thresholds.GAD7", "0"));
        assertTrue(refused.getMessage().contains("alongside.outcomes.thresholds.GAD7"), refused.getMessage());
    }

    @Test
    void aDefinitionThatCannotScoreEveryAnswerIsRefused() {
        Instrument swemwbs = Definitions.get("SWEMWBS");
        List<Instrument.Conversion> gap = new ArrayList<>(swemwbs.scoring().conversion());
        gap.remove(10);
        assertProblem(withScoring(swemwbs, gap), "one row for each raw total");

        Instrument phq9 = Definitions.get("PHQ9");
        List<Instrument.Band> overlapping = new ArrayList<>(phq9.bands());
        overlapping.set(1, new Instrument.Band("MILD", "Mild", new BigDecimal(4), new BigDecimal(9)));
        assertProblem(withBands(phq9, overlapping), "band MILD must start at 5");

        List<Instrument.Band> short_ = new ArrayList<>(phq9.bands());
        short_.remove(4);
        assertProblem(withBands(phq9, short_), "must end at 27");
    }

    @Test
    void riskItemsAreData() {
        Instrument.RiskItem risk = Definitions.get("PHQ9").riskItems().get(0);
        assertEquals(9, risk.item());
        assertEquals(0, risk.above());
        assertNotNull(risk.description());
    }

    private static void assertItems(String code, int count, int min, int max) {
        List<Instrument.Item> items = Definitions.get(code).items();
        assertEquals(count, items.size(), code + " items");
        items.forEach(item -> {
            assertEquals(min, item.min(), code + " item " + item.number());
            assertEquals(max, item.max(), code + " item " + item.number());
        });
    }

    private static void assertProblem(Instrument instrument, String expected) {
        List<String> problems = InstrumentCatalogue.problems(instrument);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), problems.toString());
    }

    private static Instrument withScoring(Instrument i, List<Instrument.Conversion> conversion) {
        Instrument.Scoring s = i.scoring();
        return new Instrument(i.code(), i.version(), i.name(), i.measures(), i.recallPeriod(), i.recallMonths(), i.items(),
                i.answerOptions(), new Instrument.Scoring(s.method(), s.description(), s.maxMissingItems(), s.min(),
                s.max(), s.decimals(), s.source(), conversion), i.direction(), i.bands(), i.meaningfulChange(),
                i.caseness(), i.riskItems(), i.timepoints(), i.copyright(), i.licence(), i.notes());
    }

    private static Instrument withBands(Instrument i, List<Instrument.Band> bands) {
        return new Instrument(i.code(), i.version(), i.name(), i.measures(), i.recallPeriod(), i.recallMonths(), i.items(),
                i.answerOptions(), i.scoring(), i.direction(), bands, i.meaningfulChange(), i.caseness(),
                i.riskItems(), i.timepoints(), i.copyright(), i.licence(), i.notes());
    }
}
