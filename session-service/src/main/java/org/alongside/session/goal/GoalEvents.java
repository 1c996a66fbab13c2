package org.alongside.session.goal;

import static org.alongside.platform.events.Vocabulary.as;

import org.alongside.platform.events.sessions.Focus;
import org.alongside.platform.events.sessions.GoalUpdated;

/** goal.updated, in the contract's record: ids, focus, status and rating; never the goal's words. */
final class GoalEvents {

    private GoalEvents() {
    }

    static GoalUpdated updated(Goal goal, GoalProgress step, boolean created) {
        return new GoalUpdated(goal.id, goal.referralId, as(Focus.class, goal.focus),
                as(GoalUpdated.Status.class, goal.status), step.rating, step.sessionId, created, step.recordedAt);
    }
}
