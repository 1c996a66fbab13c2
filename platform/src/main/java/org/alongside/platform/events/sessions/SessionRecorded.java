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

/**
 * {@code session.recorded}: a 1:1 session version (kind ONE_TO_ONE), or one member's attendance at a group meeting
 * (kind GROUP: no peer; group and meeting named). A later {@code recordedAt} of the same {@code sessionId} replaces
 * the earlier; ENTERED_IN_ERROR means it no longer counts. Absent kind or status (older events) mean ONE_TO_ONE and
 * RECORDED. Categories and times only, never notes or a place name; empty optional fields are left out.
 */
@EventType(name = EventTypes.SESSION_RECORDED, version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionRecorded(
        @NotNull UUID sessionId,
        UUID referralId,
        UUID peerId,
        @NotNull OffsetDateTime startedAt,
        @PositiveOrZero Integer durationMinutes,
        Format format,
        @NotNull Attendance attendance,
        List<@NotNull Focus> focus,
        @EventTime OffsetDateTime recordedAt,
        Kind kind,
        Status status,
        int version,
        PlaceType placeType,
        Boolean sharedLivedExperience,
        UUID groupId,
        UUID meetingId) implements EventData {

    /** How the session took place. */
    public enum Format { IN_PERSON, TELEPHONE, VIDEO, ONLINE_TEXT }

    public enum Attendance { ATTENDED, DID_NOT_ATTEND, CANCELLED_BY_CLIENT, CANCELLED_BY_PEER }

    public enum Kind { ONE_TO_ONE, GROUP }

    public enum Status { RECORDED, ENTERED_IN_ERROR }

    /** Where an in-person session was held: a category, never the place. */
    public enum PlaceType { HOME, COMMUNITY_VENUE, GP_SURGERY, HOSPITAL_WARD, CLINIC }
}
