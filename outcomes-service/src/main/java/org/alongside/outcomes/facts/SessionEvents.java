package org.alongside.outcomes.facts;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.sessions.GoalUpdated;
import org.alongside.platform.events.sessions.SafeguardingRaised;
import org.alongside.platform.events.sessions.SafeguardingRaisedV2;
import org.alongside.platform.events.sessions.SessionRecorded;
import org.alongside.platform.events.sessions.SessionRecordedV2;
import org.alongside.platform.events.sessions.SignpostingUpdated;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.Received;

/**
 * Sessions, goals, signposting and safeguarding concerns in session-service, as the commissioning figures count them.
 */
@ApplicationScoped
public class SessionEvents implements ReadModelSubscriber {

    private final SessionFacts sessions;
    private final SafeguardingFacts safeguarding;
    private final GoalFacts goals;
    private final SignpostingFacts signposting;

    SessionEvents(SessionFacts sessions, SafeguardingFacts safeguarding, GoalFacts goals,
            SignpostingFacts signposting) {
        this.sessions = sessions;
        this.safeguarding = safeguarding;
        this.goals = goals;
        this.signposting = signposting;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.SESSIONS)
                .on(SessionRecorded.class, this::recorded)
                .on(SessionRecordedV2.class, this::recordedV2)
                .on(GoalUpdated.class, this::goalUpdated)
                .on(SignpostingUpdated.class, this::signpostingUpdated)
                .on(SafeguardingRaised.class, this::safeguardingRaised)
                .on(SafeguardingRaisedV2.class, this::safeguardingRaisedV2)
                .build();
    }

    /** A peer recorded a session (attended or not); the first attended one makes the referral active. */
    void recorded(Received<SessionRecorded> event) throws SQLException {
        sessions.recorded(event.referralId(), SessionFacts.Session.of(event.data()), event.time(), event.eventId());
    }

    /** Version 2 of the same: the session's setting and medium in the one vocabulary of support. */
    void recordedV2(Received<SessionRecordedV2> event) throws SQLException {
        sessions.recorded(event.referralId(), SessionFacts.Session.of(event.data()), event.time(), event.eventId());
    }

    /** A goal was set, rated or changed status: counted by focus and progress, never its words. */
    void goalUpdated(Received<GoalUpdated> event) throws SQLException {
        goals.updated(event.referralId(), event.data(), event.time());
    }

    /** The person was linked to a community resource, or took it up (or not): counted by kind, never named. */
    void signpostingUpdated(Received<SignpostingUpdated> event) throws SQLException {
        signposting.updated(event.referralId(), event.data(), event.time());
    }

    /** A peer raised a safeguarding concern: counted by category and urgency, never described. */
    void safeguardingRaised(Received<SafeguardingRaised> event) throws SQLException {
        SafeguardingRaised concern = event.data();
        safeguarding.raised(event.referralId(), concern.concernId(), concern.category(), concern.immediateRisk(),
                event.time());
    }

    /** Version 2 of the same (it also names the supervisor, which the figures do not need). */
    void safeguardingRaisedV2(Received<SafeguardingRaisedV2> event) throws SQLException {
        SafeguardingRaisedV2 concern = event.data();
        safeguarding.raised(event.referralId(), concern.concernId(), concern.category(), concern.immediateRisk(),
                event.time());
    }
}
