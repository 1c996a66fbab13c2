package org.alongside.outcomes.measures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The result of scoring one completed instrument.
 *
 * @param answers         the answers in item order (null where unanswered); null for a score entered from a
 *                        licensed tool
 * @param score           the instrument's score (SWEMWBS: the metric score); null when scored item by item or not
 *                        scored
 * @param rawScore        the total of the answers where the instrument sums them
 * @param band            the band of the score, where the instrument has bands
 * @param itemScores      item key to score, for instruments reported item by item
 * @param itemBands       item key to band, for those of them with bands
 * @param caseness        whether the score reaches the instrument's caseness cut-off; null without one
 * @param riskItems       item numbers whose answers raise a risk flag
 * @param notScoredReason why no score could be given (too many items missing)
 */
record Scored(
        List<Integer> answers,
        BigDecimal score,
        Integer rawScore,
        String band,
        Map<String, BigDecimal> itemScores,
        Map<String, String> itemBands,
        Boolean caseness,
        List<Integer> riskItems,
        String notScoredReason) {
}
