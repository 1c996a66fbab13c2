package org.alongside.referral.progress;

import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.sessions.SessionRecorded;
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
                .build();
    }

    /** The first attended session makes a matched referral ACTIVE. */
    void recorded(Received<SessionRecorded> event) {
        SessionRecorded session = event.data();
        // a record later marked entered-in-error is not a first session
        if (session.attendance() == SessionRecorded.Attendance.ATTENDED
                && session.status() != SessionRecorded.Status.ENTERED_IN_ERROR) {
            referrals.firstSessionAttended(Progress.referralOf(event), event.source());
        }
    }
}
