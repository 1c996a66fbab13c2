package org.alongside.outcomes.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void studentsTMatchesThePublishedTable() {
        // two-sided 95% critical values of Student's t, as printed in any statistical table
        assertEquals(12.706, Statistics.tQuantile975(1), 0.0005);
        assertEquals(4.303, Statistics.tQuantile975(2), 0.0005);
        assertEquals(2.262, Statistics.tQuantile975(9), 0.0005);
        assertEquals(2.042, Statistics.tQuantile975(30), 0.0005);
        assertEquals(1.984, Statistics.tQuantile975(100), 0.0005);
        assertEquals(1.960, Statistics.tQuantile975(100_000), 0.0005);
    }

    @Test
    void theIntervalOfAWorkedExample() {
        // the changes 1, 2, ..., 10: mean 5.5, s = 3.0277, se = 0.9574, t(0.975, 9) = 2.2622; R's t.test(1:10) gives
        // the interval 3.334149 to 7.665851
        long n = 10;
        double sum = 55;
        double squares = 385;
        Statistics.Mean mean = Statistics.mean(n, sum, squares);
        assertEquals(5.5, mean.mean(), 1e-12);
        assertEquals(3.334149, mean.lower(), 1e-6);
        assertEquals(7.665851, mean.upper(), 1e-6);
    }

    @Test
    void oneValueHasAMeanButNoInterval() {
        Statistics.Mean mean = Statistics.mean(1, 3, 9);
        assertEquals(3, mean.mean());
        assertNull(mean.lower());
        assertNull(Statistics.mean(0, 0, 0));
    }

    @Test
    void identicalValuesHaveAnIntervalOfNoWidth() {
        Statistics.Mean mean = Statistics.mean(4, 8, 16);
        assertEquals(2, mean.lower(), 1e-12);
        assertEquals(2, mean.upper(), 1e-12);
    }
}
