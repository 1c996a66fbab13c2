package org.alongside.outcomes.measures;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** The data of the events this package publishes (docs/events.md). Scores only: never the answers. */
final class OutcomeEvents {

    private OutcomeEvents() {
    }

    /** {@code outcome.recorded}: for the commissioning read model. {@code change} is absent without a baseline. */
    record OutcomeRecorded(
            UUID referralId,
            UUID measurementId,
            String instrument,
            Timepoint timepoint,
            OffsetDateTime completedAt,
            Object score,
            Integer rawScore,
            String band,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> itemBands,
            @JsonInclude(JsonInclude.Include.NON_NULL) ChangeView change) {
    }

    /** {@code risk.flagged}: an answer a person must see, e.g. PHQ-9 item 9 above 0. Which answer, never its value. */
    record RiskFlagged(UUID referralId, UUID measurementId, String instrument, int item, OffsetDateTime raisedAt) {
    }
}
