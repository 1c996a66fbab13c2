package org.alongside.outcomes.measures;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded measurement with its scores. */
@Schema(name = "Measurement")
public record MeasurementView(
        UUID id,
        UUID referralId,
        String instrument,
        @Schema(description = "Version of the instrument definition that scored it") int definitionVersion,
        Timepoint timepoint,
        OffsetDateTime completedAt,
        @Schema(description = "The answers in item order, null where unanswered; absent for a score entered from "
                + "a licensed tool")
        List<Integer> answers,
        @Schema(description = "The score (SWEMWBS: the metric score; SEMCD6: the mean of the items answered; PAM, "
                + "EQ5D5L: as entered). For ONS4 and SERVICE_USE an object of item key to score. Absent when not scored.",
                oneOf = {BigDecimal.class, ItemScores.class})
        Object score,
        @Schema(description = "Total of the answers, for instruments that sum them (SWEMWBS: the raw total 7-35)")
        Integer rawScore,
        @Schema(description = "Band code of the score where the instrument has bands") String band,
        @Schema(description = "Instruments reported item by item with bands (ONS4): item key to band code")
        Map<String, String> itemBands,
        @Schema(description = "Whether the score reaches the instrument's caseness cut-off (PHQ9 >= 10, GAD7 >= 8); "
                + "absent without a cut-off") Boolean caseness,
        @Schema(description = "Why there is no score, e.g. too many items missing") String notScoredReason,
        @Schema(description = "True when an answer raised a risk flag for a supervisor") boolean riskFlagged,
        @Schema(description = "Change from this instrument's baseline; absent for the baseline itself or without one")
        ChangeView change,
        OffsetDateTime recordedAt) {

    static MeasurementView of(Measurement m, Change change) {
        Scored s = m.scored();
        return new MeasurementView(m.id(), m.referralId(), m.instrument(), m.definitionVersion(), m.timepoint(),
                m.completedAt(), s.answers(), s.itemScores() != null ? s.itemScores() : s.score(), s.rawScore(),
                s.band(), s.itemBands(), s.caseness(), s.notScoredReason(), m.riskFlagged(),
                ChangeView.of(change), m.recordedAt());
    }
}
