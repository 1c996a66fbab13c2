package org.alongside.session.group;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Group")
public record GroupView(
        UUID id,
        String name,
        String focus,
        PeerGroup.Leadership leadership,
        List<UUID> facilitators,
        int capacity,
        @Schema(description = "Referral ids of everyone on any meeting's register") List<UUID> members,
        @Schema(description = "The latest meeting, if any") OffsetDateTime lastMeetingAt,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy) {

    static GroupView of(PeerGroup g, List<UUID> members, OffsetDateTime lastMeetingAt) {
        return new GroupView(g.id, g.name, g.focus, g.leadership, g.facilitators, g.capacity, members, lastMeetingAt,
                g.createdAt, g.createdBy, g.updatedAt, g.updatedBy);
    }
}
