package org.alongside.session.alert;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SafeguardingAlert", description = "Someone may be at risk now: see the cause, then acknowledge")
public record AlertView(
        @Schema(required = true) UUID id,
        @Schema(required = true) Alert.Kind kind,
        @Schema(description = "The immediate-risk concern (GET /safeguarding/concerns/{id})") UUID concernId,
        @Schema(description = "The risk flag (on GET /safeguarding/worklist)") UUID riskFlagId,
        UUID referralId,
        @Schema(description = "The peer supporting the person, whose supervisor is responsible") UUID peerId,
        @Schema(required = true) OffsetDateTime raisedAt,
        @Schema(required = true, description = "Unacknowledged after this, it escalates to the next contact of "
                + "alongside.alerts.escalation") OffsetDateTime acknowledgeBy,
        @Schema(required = true, description = "Unacknowledged and past acknowledgeBy") boolean overdue,
        @Schema(required = true, description = "How many escalation contacts it has reached") int escalationLevel,
        OffsetDateTime acknowledgedAt,
        String acknowledgedBy,
        @Schema(required = true, description = "Where the console shows it (the link its emails carry)") String link) {

    static AlertView of(Alert a, OffsetDateTime now, String link) {
        return new AlertView(a.id, a.kind, a.concernId, a.riskFlagId, a.referralId, a.peerId, a.raisedAt,
                a.acknowledgeBy, a.acknowledgedAt == null && now.isAfter(a.acknowledgeBy), a.escalationLevel,
                a.acknowledgedAt, a.acknowledgedBy, link);
    }
}
