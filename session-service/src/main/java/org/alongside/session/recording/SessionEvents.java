package org.alongside.session.recording;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The data of the events this service publishes: categories and times, never the notes. */
public final class SessionEvents {

    private SessionEvents() {
    }

    public record Recorded(UUID sessionId, UUID referralId, UUID peerId, OffsetDateTime startedAt,
            int durationMinutes, Session.Format format, Session.Attendance attendance, List<Session.Focus> focus,
            OffsetDateTime recordedAt) {

        static Recorded of(Session session) {
            return new Recorded(session.id, session.referralId, session.peerId, session.startedAt,
                    session.durationMinutes, session.format, session.attendance, session.focus, session.recordedAt);
        }
    }
}
