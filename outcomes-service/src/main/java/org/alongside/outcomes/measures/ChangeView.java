package org.alongside.outcomes.measures;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change from baseline as clients and events carry it. For instruments reported item by item (ONS4,
 * SERVICE_USE) the difference is per item, like their score, and the classifications are in
 * {@code itemClassifications} so that {@code classification} is always a single value.
 */
@Schema(name = "Change", description = "Change from the baseline of the same instrument.")
public record ChangeView(
        @Schema(description = "This score minus the baseline score (SWEMWBS: metric points). For instruments "
                + "reported item by item, an object of item key to difference.", oneOf = {BigDecimal.class, ItemScores.class})
        Object fromBaseline,
        @Schema(description = "IMPROVED, NO_RELIABLE_CHANGE or DETERIORATED by the instrument's threshold; absent "
                + "where it has none or reports item by item") Classification classification,
        @Schema(description = "Instruments reported item by item: item key to classification, for the items with a "
                + "threshold") Map<String, Classification> itemClassifications) {

    static ChangeView of(Change change) {
        if (change == null) {
            return null;
        }
        if (change.items() == null) {
            return new ChangeView(change.fromBaseline(), change.classification(), null);
        }
        Map<String, BigDecimal> differences = new LinkedHashMap<>();
        Map<String, Classification> classifications = new LinkedHashMap<>();
        change.items().forEach((key, item) -> {
            differences.put(key, item.fromBaseline());
            if (item.classification() != null) {
                classifications.put(key, item.classification());
            }
        });
        return new ChangeView(differences, null, classifications.isEmpty() ? null : classifications);
    }
}
