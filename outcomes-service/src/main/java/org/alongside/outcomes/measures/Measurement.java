package org.alongside.outcomes.measures;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored measurement. */
record Measurement(
        UUID id,
        UUID referralId,
        String instrument,
        int definitionVersion,
        Timepoint timepoint,
        OffsetDateTime completedAt,
        Scored scored,
        boolean riskFlagged,
        OffsetDateTime recordedAt) {
}
