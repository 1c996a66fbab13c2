package org.alongside.outcomes.measures;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A risk signal in a person's answers, for a supervisor to see and act on. Which item, never the answer. */
@Schema(name = "RiskFlag")
public record RiskFlagView(
        UUID id,
        UUID referralId,
        UUID measurementId,
        String instrument,
        @Schema(description = "The item whose answer raised the flag, 1-based") int item,
        @Schema(description = "Why the answer is a risk signal") String reason,
        @Schema(description = "The peer worker supporting the person when the flag was raised") UUID peerId,
        OffsetDateTime raisedAt,
        Status status,
        OffsetDateTime acknowledgedAt,
        @Schema(description = "Who acknowledged it") String acknowledgedBy,
        @Schema(description = "What the acknowledging supervisor recorded") String note) {

    public enum Status { OPEN, ACKNOWLEDGED }
}
