package org.alongside.session.group;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.session.recording.Session;
import org.alongside.session.vocabulary.Focus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewGroupMeeting", description = "A meeting and its attendance register, recorded in one go")
public record NewMeeting(
        @NotNull @Schema(description = "At most alongside.sessions.future-window ahead of now") OffsetDateTime startedAt,
        @NotNull @Min(1) @Max(600) Integer durationMinutes,
        @NotNull Session.Medium medium,
        @Schema(description = "Only for IN_PERSON") Session.PlaceType placeType,
        @Size(max = 4) @Schema(description = "The focus areas the meeting worked on") List<@NotNull Focus> focus,
        @NotNull @Size(min = 1, max = 200) @Schema(description = "One entry per member; members ATTENDED may not exceed the group's capacity")
        List<@NotNull @Valid MemberAttendance> attendance) {

    @Schema(name = "MemberAttendance")
    public record MemberAttendance(
            @NotNull @Schema(description = "The member's referral id: an accepted referral whose support has not ended") UUID referralId,
            @NotNull Session.Attendance attendance) {
    }
}
