package org.alongside.platform.events.outcomes;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code outcome.recorded}: a person completed an outcome measure. Scores only, never the answers. {@code score} is
 * a number, null when the measure could not be scored, or for instruments reported item by item (ONS4,
 * SERVICE_USE) an object of item key to number, never a sum. {@code instrument} is a code of outcomes-service's
 * catalogue ({@code GET /instruments}). The event happened when it was recorded (the envelope's time);
 * {@code completedAt} is when the person completed the measure.
 */
@EventType(name = EventTypes.OUTCOME_RECORDED, version = 1)
public record OutcomeRecorded(
        UUID referralId,
        @NotNull UUID measurementId,
        @NotBlank String instrument,
        @NotNull Timepoint timepoint,
        @NotNull OffsetDateTime completedAt,
        Object score,
        Integer rawScore,
        String band,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> itemBands,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Valid Change change) implements EventData {

    /**
     * The change from the baseline of the same instrument; absent without one. {@code fromBaseline} is a number, or
     * per item (an object) where the score is; item-by-item instruments classify in {@code itemClassifications}.
     */
    public record Change(
            Object fromBaseline,
            Classification classification,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Classification> itemClassifications) {
    }
}
