package org.alongside.outcomes.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Statistical disclosure control for published aggregates, after the NHS Digital convention below national
 * level: counts from 1 to the threshold are suppressed, other counts rounded to the nearest multiple of the
 * rounding base (0 stays 0); rates are computed from the rounded counts and suppressed when either is; means
 * and percentiles over a base of 1 to the threshold are suppressed. Within a group of cells that adds up to a
 * published total, a single suppressed cell could be worked out from the others, so the next smallest cell is
 * suppressed too (secondary suppression). Switched off, every figure is exact.
 */
public record Disclosure(boolean enabled, int threshold, int roundingBase) {

    public Disclosure {
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold must not be negative, was " + threshold);
        }
        if (roundingBase < 1) {
            throw new IllegalArgumentException("rounding base must be at least 1, was " + roundingBase);
        }
    }

    public static Disclosure off() {
        return new Disclosure(false, 0, 1);
    }

    /** A count on its own (primary suppression and rounding). */
    public Figure count(long count) {
        if (!enabled || count == 0) {
            return Figure.of(count);
        }
        if (count > 0 && count <= threshold) {
            return Figure.SUPPRESSED;
        }
        long rounded = Math.round((double) count / roundingBase) * roundingBase;
        return Figure.of(rounded);
    }

    /**
     * Counts that add up to a published total (the rows of a breakdown, the reasons behind a count): each
     * disclosed on its own, then, if exactly one of them is suppressed, the smallest other non-zero one too.
     */
    public List<Figure> group(List<Long> counts) {
        List<Figure> figures = new ArrayList<>(counts.size());
        counts.forEach(count -> figures.add(count(count)));
        if (!enabled || figures.stream().filter(Figure::suppressed).count() != 1) {
            return figures;
        }
        int next = -1;
        for (int i = 0; i < counts.size(); i++) {
            if (!figures.get(i).suppressed() && counts.get(i) > 0
                    && (next < 0 || counts.get(i) < counts.get(next))) {
                next = i;
            }
        }
        if (next >= 0) {
            figures.set(next, Figure.SUPPRESSED);
        }
        return figures;
    }

    /** {@code part} as a percentage of {@code whole}, one decimal, from the figures as published. */
    public Figure percent(Figure part, Figure whole) {
        if (part.suppressed() || whole.suppressed()) {
            return Figure.SUPPRESSED;
        }
        if (!part.shown() || !whole.shown() || whole.value().signum() == 0) {
            return Figure.NONE;
        }
        return Figure.of(part.value().multiply(BigDecimal.valueOf(100))
                .divide(whole.value(), 1, RoundingMode.HALF_UP));
    }

    /**
     * {@code total} events per person-month over {@code people} people each asked about {@code months} months, two
     * decimals, from the figures as published; suppressed when either is.
     */
    public Figure ratePerPersonMonth(Figure total, Figure people, int months) {
        if (total.suppressed() || people.suppressed()) {
            return Figure.SUPPRESSED;
        }
        if (!total.shown() || !people.shown() || people.value().signum() == 0) {
            return Figure.NONE;
        }
        return Figure.of(total.value().divide(people.value().multiply(BigDecimal.valueOf(months)), 2,
                RoundingMode.HALF_UP));
    }

    /**
     * A mean, median or percentile over {@code people}: not applicable over nobody, suppressed over 1 to the
     * threshold or when the base itself is published suppressed.
     */
    public Figure statistic(Double value, long people, Figure base, int decimals) {
        if (value == null || people == 0) {
            return Figure.NONE;
        }
        if (enabled && (people <= threshold || base.suppressed())) {
            return Figure.SUPPRESSED;
        }
        return Figure.of(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP));
    }
}
