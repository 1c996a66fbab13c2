package org.alongside.outcomes.facts;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.sessions.SafeguardingRaised;
import org.alongside.platform.events.sessions.SessionRecorded;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.Received;

/** Sessions and safeguarding concerns in session-service, as the commissioning figures count them. */
@ApplicationScoped
public class SessionEvents implements ReadModelSubscriber {

    private final SessionFacts sessions;
    private final SafeguardingFacts safeguarding;

    SessionEvents(SessionFacts sessions, SafeguardingFacts safeguarding) {
        this.sessions = sessions;
        this.safeguarding = safeguarding;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.SESSIONS)
                .on(SessionRecorded.class, this::recorded)
                .on(SafeguardingRaised.class, this::safeguardingRaised)
                .build();
    }

    /** A peer recorded a session (attended or not); the first attended one makes the referral active. */
    void recorded(Received<SessionRecorded> event) throws SQLException {
        sessions.recorded(event.referralId(), event.data(), event.time(), event.eventId());
    }

    /** A peer raised a safeguarding concern: counted by category and urgency, never described. */
    void safeguardingRaised(Received<SafeguardingRaised> event) throws SQLException {
        safeguarding.raised(event.referralId(), event.data(), event.time());
    }
}
