package org.alongside.outcomes.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DisclosureTest {

    private static final Disclosure NHS = new Disclosure(true, 7, 5);

    @Test
    void countsOfOneToSevenAreSuppressedAndZeroStaysZero() {
        assertEquals("0", NHS.count(0).text());
        LongStream.rangeClosed(1, 7).forEach(n -> assertEquals("*", NHS.count(n).text(), "count " + n));
        assertEquals(Map.of("suppressed", true), NHS.count(7).json(), "a typed object in JSON, not a string");
    }

    @Test
    void otherCountsAreRoundedToTheNearestFive() {
        assertEquals("10", NHS.count(8).text());
        assertEquals("10", NHS.count(12).text());
        assertEquals("15", NHS.count(13).text());
        assertEquals("100", NHS.count(102).text());
        assertEquals("1235", NHS.count(1234).text());
    }

    @Test
    void theThresholdAndRoundingBaseAreConfigurable() {
        Disclosure research = new Disclosure(true, 10, 10);
        assertEquals("*", research.count(10).text());
        assertEquals("10", research.count(11).text());
        assertEquals("20", research.count(16).text());
        assertThrows(IllegalArgumentException.class, () -> new Disclosure(true, 7, 0));
    }

    @Test
    void aSingleSuppressedCellTakesTheNextSmallestWithIt() {
        // 20 + 5 + 30 = 55 is published: 5 alone hidden could be read off as 55 - 20 - 30
        assertEquals("*,*,30", texts(NHS.group(List.of(20L, 5L, 30L))));
        // zeros are no help in working it out, and stay shown
        assertEquals("0,*,*,0", texts(NHS.group(List.of(0L, 5L, 40L, 0L))));
        // the next smallest, not the first
        assertEquals("10,40,*,*", texts(NHS.group(List.of(12L, 38L, 3L, 9L))));
    }

    @Test
    void twoOrMoreSuppressedCellsProtectEachOther() {
        assertEquals("*,*,30", texts(NHS.group(List.of(2L, 5L, 30L))));
        assertEquals("20,15,30", texts(NHS.group(List.of(20L, 15L, 30L))));
        assertEquals("0,0", texts(NHS.group(List.of(0L, 0L))));
    }

    @Test
    void percentagesUseTheRoundedCountsOrAreSuppressed() {
        // 8 of 13 is 61.5% exactly; published as 10 of 15
        assertEquals("66.7", NHS.percent(NHS.count(8), NHS.count(13)).text());
        assertEquals("*", NHS.percent(NHS.count(3), NHS.count(40)).text());
        assertEquals("*", NHS.percent(NHS.count(0), NHS.count(6)).text());
        assertEquals("0.0", NHS.percent(NHS.count(0), NHS.count(40)).text());
        assertEquals("", NHS.percent(NHS.count(0), NHS.count(0)).text(), "no rate over nobody");
    }

    @Test
    void meansAndPercentilesOverSevenOrFewerPeopleAreSuppressed() {
        assertEquals("*", NHS.statistic(12.34, 7, NHS.count(7), 1).text());
        assertEquals("12.3", NHS.statistic(12.34, 8, NHS.count(8), 1).text());
        assertEquals("*", NHS.statistic(12.34, 40, Figure.SUPPRESSED, 1).text(), "its base was hidden");
        assertEquals("", NHS.statistic(null, 0, NHS.count(0), 1).text());
    }

    @Test
    void switchedOffEveryFigureIsExact() {
        Disclosure off = Disclosure.off();
        assertEquals("3", off.count(3).text());
        assertEquals("12", off.count(12).text());
        assertEquals("20,5,30", texts(off.group(List.of(20L, 5L, 30L))));
        assertEquals("61.5", off.percent(off.count(8), off.count(13)).text());
        assertEquals("2.50", off.statistic(2.5, 1, off.count(1), 2).text());
        assertEquals(3L, ((Number) off.count(3).json()).longValue(), "a number in JSON");
    }

    private static String texts(List<Figure> figures) {
        return figures.stream().map(Figure::text).collect(Collectors.joining(","));
    }
}
