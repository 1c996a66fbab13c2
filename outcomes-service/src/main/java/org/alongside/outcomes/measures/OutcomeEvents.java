package org.alongside.outcomes.measures;

import static org.alongside.platform.events.Vocabulary.as;
import static org.alongside.platform.events.Vocabulary.asMap;

import java.time.OffsetDateTime;
import org.alongside.platform.events.outcomes.Classification;
import org.alongside.platform.events.outcomes.OutcomeRecorded;
import org.alongside.platform.events.outcomes.RiskFlagged;

/** The events this package publishes, in the contract's records (docs/events.md). Scores only: never the answers. */
final class OutcomeEvents {

    private OutcomeEvents() {
    }

    /** {@code outcome.recorded}: the measurement as its view shows it. {@code change} is absent without a baseline. */
    static OutcomeRecorded recorded(Measurement measurement, MeasurementView view) {
        ChangeView change = view.change();
        return new OutcomeRecorded(measurement.referralId(), measurement.id(), measurement.instrument(),
                as(org.alongside.platform.events.outcomes.Timepoint.class, measurement.timepoint()),
                measurement.completedAt(), view.score(), view.rawScore(), view.band(), view.itemBands(),
                change == null ? null : new OutcomeRecorded.Change(change.fromBaseline(),
                        as(Classification.class, change.classification()),
                        asMap(Classification.class, change.itemClassifications())));
    }

    /** {@code risk.flagged}: which answer of which measurement, never its value. */
    static RiskFlagged riskFlagged(Measurement measurement, int item, OffsetDateTime raisedAt) {
        return new RiskFlagged(measurement.referralId(), measurement.id(), measurement.instrument(), item, raisedAt);
    }
}
