package org.alongside.platform.events.sessions;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.events.support.Medium;
import org.alongside.platform.events.support.Setting;

/**
 * {@code session.recorded} version 2: a 1:1 session version (setting ONE_TO_ONE), or one member's attendance at a
 * group meeting (setting GROUP: no peer; group and meeting named). Against version 1, {@code format} is
 * {@code medium} and {@code kind} is {@code setting}, the one vocabulary of support; both are always present, as is
 * {@code status}. A later {@code recordedAt} of the same {@code sessionId} replaces the earlier; ENTERED_IN_ERROR
 * means it no longer counts. Categories and times only, never notes or a place name; empty optional fields are left
 * out.
 */
@EventType(name = EventTypes.SESSION_RECORDED, version = 2)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionRecordedV2(
        @NotNull UUID sessionId,
        UUID referralId,
        UUID peerId,
        @NotNull OffsetDateTime startedAt,
        @PositiveOrZero Integer durationMinutes,
        @NotNull Setting setting,
        Medium medium,
        @NotNull SessionRecorded.Attendance attendance,
        List<@NotNull Focus> focus,
        @EventTime OffsetDateTime recordedAt,
        @NotNull SessionRecorded.Status status,
        int version,
        SessionRecorded.PlaceType placeType,
        Boolean sharedLivedExperience,
        UUID groupId,
        UUID meetingId) implements EventData {
}
