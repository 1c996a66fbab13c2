package org.alongside.outcomes.measures;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A measurement's change from the baseline of the same instrument: the difference in score and, where the
 * instrument has a threshold, whether it is reliable improvement or deterioration. Instruments reported item by item
 * change item by item.
 */
record Change(BigDecimal fromBaseline, Classification classification, Map<String, Change> items) {

    /** The change from {@code baseline} to {@code later}; null when either has no score to compare. */
    static Change between(Instrument instrument, Scored baseline, Scored later) {
        if (instrument.perItem()) {
            if (baseline.itemScores() == null || later.itemScores() == null) {
                return null;
            }
            Map<String, Change> items = new LinkedHashMap<>();
            for (Instrument.Item item : instrument.items()) {
                BigDecimal before = baseline.itemScores().get(item.key());
                BigDecimal after = later.itemScores().get(item.key());
                if (before != null && after != null) {
                    BigDecimal difference = after.subtract(before);
                    items.put(item.key(), new Change(difference,
                            classify(item.direction(), item.meaningfulChange(), difference), null));
                }
            }
            return items.isEmpty() ? null : new Change(null, null, items);
        }
        if (baseline.score() == null || later.score() == null) {
            return null;
        }
        BigDecimal difference = later.score().subtract(baseline.score());
        return new Change(difference, classify(instrument.direction(), instrument.meaningfulChange(), difference),
                null);
    }

    /**
     * Improvement by at least the threshold is IMPROVED, the same the other way DETERIORATED ("a drop of 6 or
     * more" counts 6); null when the instrument has no threshold or no direction.
     */
    static Classification classify(Direction direction, Instrument.Threshold threshold, BigDecimal difference) {
        if (direction == null || threshold == null || threshold.value() == null) {
            return null;
        }
        BigDecimal improvement = direction.improvement(difference);
        if (improvement.compareTo(threshold.value()) >= 0) {
            return Classification.IMPROVED;
        }
        if (improvement.negate().compareTo(threshold.value()) >= 0) {
            return Classification.DETERIORATED;
        }
        return Classification.NO_RELIABLE_CHANGE;
    }
}
