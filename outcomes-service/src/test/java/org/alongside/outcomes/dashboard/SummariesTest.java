package org.alongside.outcomes.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SummariesTest {

    @Test
    void percentilesOfDaysWaitedInterpolateLikePercentileCont() {
        // waits 3, 5, 5, 8, 20 days
        TreeMap<Integer, Long> waits = new TreeMap<>();
        waits.put(3, 1L);
        waits.put(5, 2L);
        waits.put(8, 1L);
        waits.put(20, 1L);
        assertEquals(5.0, Summaries.percentile(waits, 0.5));
        assertEquals(15.2, Summaries.percentile(waits, 0.9), 1e-9, "8 + 0.6 of the way to 20");
        assertEquals(3.0, Summaries.percentile(waits, 0.0));
        assertEquals(20.0, Summaries.percentile(waits, 1.0));
    }

    @Test
    void anEvenNumberOfPeopleTakesTheMiddleTwo() {
        TreeMap<Integer, Long> waits = new TreeMap<>();
        waits.put(10, 1L);
        waits.put(13, 1L);
        assertEquals(11.5, Summaries.percentile(waits, 0.5));
        assertNull(Summaries.percentile(new TreeMap<>(), 0.5), "nobody waited");
    }
}
