package org.alongside.referral.progress;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.sessions.SessionRecorded;
import org.alongside.platform.events.sessions.SessionRecordedV2;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.EventSubscriber;
import org.alongside.platform.inbox.Received;
import org.alongside.referral.lifecycle.Referrals;

/** What a referral's progress takes from session-service. */
@ApplicationScoped
public class SessionEvents implements EventSubscriber {

    private final Referrals referrals;

    SessionEvents(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.SESSIONS)
                .on(SessionRecorded.class, this::recorded)
                .on(SessionRecordedV2.class, this::recordedV2)
                .build();
    }

    /** The first attended session makes a matched referral ACTIVE. */
    void recorded(Received<SessionRecorded> event) {
        attended(event, event.data().attendance(), event.data().status());
    }

    /** Version 2 names setting and medium; attendance and status mean what they meant. */
    void recordedV2(Received<SessionRecordedV2> event) {
        attended(event, event.data().attendance(), event.data().status());
    }

    private void attended(Received<?> event, SessionRecorded.Attendance attendance, SessionRecorded.Status status) {
        // a record later marked entered-in-error is not a first session
        if (attendance == SessionRecorded.Attendance.ATTENDED && status != SessionRecorded.Status.ENTERED_IN_ERROR) {
            referrals.firstSessionAttended(Progress.referralOf(event), event.source());
        }
    }
}
