package org.alongside.session.safeguarding;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SafeguardingWorkItem", description = "A safeguarding concern or a risk flag, with its deadline")
public record WorklistItem(
        @Schema(required = true) Kind kind,
        @Schema(required = true, description = "The concern's or the risk flag's id") UUID id,
        UUID referralId,
        @Schema(description = "The peer working with the person; their supervisor is responsible") UUID peerId,
        @Schema(required = true) Concern.Status status,
        @Schema(required = true, description = "An immediate-risk concern; every risk flag") boolean immediateRisk,
        @Schema(description = "A concern's category") Concern.Category category,
        @Schema(description = "A risk flag's instrument (e.g. PHQ9)") String instrument,
        @Schema(description = "A risk flag's item number, never the answer") Integer item,
        @Schema(required = true) OffsetDateTime raisedAt,
        @Schema(required = true, description = "The deadline to acknowledge") OffsetDateTime acknowledgeBy,
        @Schema(required = true, description = "Still OPEN after its deadline") boolean overdue,
        OffsetDateTime acknowledgedAt,
        String acknowledgedBy,
        OffsetDateTime closedAt,
        String closedBy) {

    @Schema(name = "SafeguardingWorkKind", description = """
            CONCERN: a safeguarding concern (GET /safeguarding/concerns/{id}). RISK_FLAG: a risk signal in an \
            outcome measure (PHQ-9 item 9 above 0), from outcomes-service.""")
    public enum Kind { CONCERN, RISK_FLAG }

    static WorklistItem of(Concern c, OffsetDateTime now) {
        return new WorklistItem(Kind.CONCERN, c.id, c.referralId, c.peerId, c.status, c.immediateRisk, c.category,
                null, null, c.raisedAt, c.acknowledgeBy, SafeguardingRules.isOverdue(c.status, c.acknowledgeBy, now),
                c.acknowledgedAt, c.acknowledgedBy, c.closedAt, c.closedBy);
    }

    static WorklistItem of(RiskFlag f, OffsetDateTime now) {
        return new WorklistItem(Kind.RISK_FLAG, f.id, f.referralId, f.peerId, f.status, true, null, f.instrument,
                f.item, f.raisedAt, f.acknowledgeBy, SafeguardingRules.isOverdue(f.status, f.acknowledgeBy, now),
                f.acknowledgedAt, f.acknowledgedBy, f.closedAt, f.closedBy);
    }
}
