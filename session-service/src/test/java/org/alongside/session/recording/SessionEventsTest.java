package org.alongside.session.recording;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alongside.platform.events.Vocabulary;
import org.alongside.platform.events.sessions.Focus;
import org.alongside.platform.events.sessions.GoalUpdated;
import org.alongside.platform.events.sessions.SafeguardingRaised;
import org.alongside.platform.events.sessions.SessionRecorded;
import org.alongside.platform.events.sessions.SignpostingUpdated;
import org.alongside.session.goal.Goal;
import org.alongside.session.safeguarding.Concern;
import org.alongside.session.signposting.Signpost;
import org.junit.jupiter.api.Test;

/** The events this service publishes name its values as the contract does, so none fails on the way out. */
class SessionEventsTest {

    @Test
    void theServicesVocabulariesAreTheContracts() {
        assertTrue(Vocabulary.same(Session.Medium.class, org.alongside.platform.events.support.Medium.class));
        assertTrue(Vocabulary.same(Session.Attendance.class, SessionRecorded.Attendance.class));
        assertTrue(Vocabulary.same(org.alongside.session.vocabulary.Focus.class, Focus.class));
        assertTrue(Vocabulary.same(Session.Status.class, SessionRecorded.Status.class));
        assertTrue(Vocabulary.same(Session.PlaceType.class, SessionRecorded.PlaceType.class));
        assertTrue(Vocabulary.same(Goal.Status.class, GoalUpdated.Status.class));
        assertTrue(Vocabulary.same(Concern.Category.class, SafeguardingRaised.Category.class));
        assertTrue(Vocabulary.same(Signpost.Category.class, SignpostingUpdated.Category.class));
        assertTrue(Vocabulary.same(Signpost.TakeUp.class, SignpostingUpdated.TakeUp.class));
    }
}
