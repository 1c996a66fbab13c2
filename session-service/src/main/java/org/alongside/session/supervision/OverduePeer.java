package org.alongside.session.supervision;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SupervisionOverdue", description = "A peer worker whose supervision is overdue")
public record OverduePeer(
        UUID peerId,
        @Schema(description = "Their supervisor's subject; absent when none is assigned") String supervisorId,
        @Schema(description = "When this service first knew them working (earliest current match or assignment)")
        OffsetDateTime knownSince,
        @Schema(description = "Their last supervision; absent when they have had none") OffsetDateTime lastSupervisedAt,
        @Schema(description = "When supervision was due: the last one (or knownSince) plus the interval")
        OffsetDateTime dueAt,
        long daysOverdue,
        @Schema(description = "The people they support now") long activeClients) {
}
