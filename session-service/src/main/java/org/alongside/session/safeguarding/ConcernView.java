package org.alongside.session.safeguarding;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SafeguardingConcern")
public record ConcernView(
        UUID id,
        UUID referralId,
        @Schema(description = "The peer working with the person; their supervisor is responsible for the concern") UUID peerId,
        @Schema(description = "The session it was raised from, if any") UUID sessionId,
        Concern.Category category,
        @Schema(description = "Present only for the peer, their supervisor and coordinators") String description,
        boolean immediateRisk,
        Concern.Status status,
        OffsetDateTime raisedAt,
        String raisedBy,
        @Schema(description = "The deadline to acknowledge: one hour for an immediate risk, else "
                + "alongside.safeguarding.acknowledge-working-days (default 1) working days, weekends skipped")
        OffsetDateTime acknowledgeBy,
        @Schema(description = "Still OPEN after its deadline") boolean overdue,
        @Schema(description = "Acknowledged, but after its deadline") boolean acknowledgedLate,
        OffsetDateTime acknowledgedAt,
        String acknowledgedBy,
        OffsetDateTime closedAt,
        String closedBy,
        @Schema(description = "What was done; present only for the peer, their supervisor and coordinators") String actionTaken) {

    public static ConcernView of(Concern c, boolean withText, OffsetDateTime now) {
        return new ConcernView(c.id, c.referralId, c.peerId, c.sessionId, c.category, withText ? c.description : null,
                c.immediateRisk, c.status, c.raisedAt, c.raisedBy, c.acknowledgeBy,
                SafeguardingRules.isOverdue(c.status, c.acknowledgeBy, now),
                c.acknowledgedAt != null && c.acknowledgedAt.isAfter(c.acknowledgeBy),
                c.acknowledgedAt, c.acknowledgedBy, c.closedAt, c.closedBy, withText ? c.actionTaken : null);
    }
}
