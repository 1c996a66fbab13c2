package org.alongside.outcomes.measures;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A referral's outcomes: per instrument, its measurements over time and their change from baseline. */
@Schema(name = "ReferralOutcomes")
public record ReferralOutcomes(UUID referralId, List<InstrumentOutcomes> instruments) {

    @Schema(name = "InstrumentOutcomes")
    public record InstrumentOutcomes(
            String instrument,
            String name,
            @Schema(description = "Which way the score moves when things get better; per item in the definition "
                    + "for ONS4") Direction direction,
            @Schema(description = "The threshold change is classified by, and its source")
            Instrument.Threshold meaningfulChange,
            @Schema(description = "Item-by-item instruments: each item's threshold")
            Map<String, Instrument.Threshold> itemMeaningfulChange,
            @Schema(description = "The baseline the changes are measured from; absent when none was recorded")
            UUID baselineMeasurementId,
            @Schema(description = "Every measurement of this instrument, earliest completed first")
            List<MeasurementView> series,
            @Schema(description = "The change of the latest measurement that has one") LatestChange latestChange) {
    }

    @Schema(name = "LatestChange")
    public record LatestChange(UUID measurementId, Timepoint timepoint, OffsetDateTime completedAt,
            @Schema(oneOf = {java.math.BigDecimal.class, ItemScores.class}) Object fromBaseline,
            Classification classification,
            Map<String, Classification> itemClassifications) {
    }
}
