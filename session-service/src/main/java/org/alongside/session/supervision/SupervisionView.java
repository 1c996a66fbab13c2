package org.alongside.session.supervision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Supervision")
public record SupervisionView(
        UUID id,
        UUID peerId,
        @Schema(description = "The supervisor who held it (their token subject)") String supervisorId,
        OffsetDateTime heldAt,
        Integer durationMinutes,
        List<Supervision.Topic> topics,
        Supervision.Wellbeing wellbeing,
        @Schema(description = "Present only for the peer worker and supervisors") String wellbeingNotes,
        List<Supervision.Action> actions,
        OffsetDateTime recordedAt,
        String recordedBy) {

    static SupervisionView of(Supervision s, boolean withNotes) {
        return new SupervisionView(s.id, s.peerId, s.supervisorId, s.heldAt, s.durationMinutes, s.topics, s.wellbeing,
                withNotes ? s.wellbeingNotes : null, s.actions, s.recordedAt, s.recordedBy);
    }
}
