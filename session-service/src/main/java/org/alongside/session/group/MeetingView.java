package org.alongside.session.group;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.session.recording.Session;
import org.alongside.session.vocabulary.Focus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GroupMeeting")
public record MeetingView(
        UUID id,
        UUID groupId,
        OffsetDateTime startedAt,
        int durationMinutes,
        Session.Medium medium,
        Session.PlaceType placeType,
        List<Focus> focus,
        @Schema(description = "Members who ATTENDED") long attended,
        List<Entry> attendance,
        OffsetDateTime recordedAt,
        String recordedBy) {

    @Schema(name = "GroupAttendance")
    public record Entry(
            @Schema(description = "The sessionId of this attendance's session.recorded events") UUID sessionId,
            UUID referralId,
            Session.Attendance attendance,
            int version,
            OffsetDateTime recordedAt,
            String recordedBy) {
    }

    static MeetingView of(GroupMeeting m, List<GroupAttendance> register) {
        List<Entry> entries = register.stream().map(a -> new Entry(a.id, a.referralId, a.attendance, a.version,
                a.recordedAt, a.recordedBy)).toList();
        return new MeetingView(m.id, m.groupId, m.startedAt, m.durationMinutes, m.medium, m.placeType, m.focus,
                GroupRules.attended(register.stream().map(a -> a.attendance).toList()), entries, m.recordedAt,
                m.recordedBy);
    }
}
