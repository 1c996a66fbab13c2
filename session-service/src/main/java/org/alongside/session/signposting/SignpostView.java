package org.alongside.session.signposting;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Signposting")
public record SignpostView(
        UUID id,
        UUID referralId,
        @Schema(description = "The session it came up in, if any") UUID sessionId,
        String name,
        Signpost.Category category,
        String orukServiceId,
        Signpost.TakeUp takeUp,
        OffsetDateTime signpostedAt,
        String recordedBy,
        OffsetDateTime takeUpUpdatedAt,
        String takeUpUpdatedBy) {

    public static SignpostView of(Signpost s) {
        return new SignpostView(s.id, s.referralId, s.sessionId, s.name, s.category, s.orukServiceId, s.takeUp,
                s.signpostedAt, s.recordedBy, s.takeUpUpdatedAt, s.takeUpUpdatedBy);
    }
}
