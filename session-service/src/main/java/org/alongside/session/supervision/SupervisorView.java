package org.alongside.session.supervision;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.session.access.SupervisorAssignment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SupervisorAssignment", description = "The supervisor a peer worker has now")
public record SupervisorView(
        UUID peerId,
        @Schema(description = "The supervisor's identity: the subject (sub) of their token") String supervisor,
        OffsetDateTime assignedAt,
        String assignedBy) {

    static SupervisorView of(SupervisorAssignment a) {
        return new SupervisorView(a.peerId, a.supervisorId, a.assignedAt, a.assignedBy);
    }
}
