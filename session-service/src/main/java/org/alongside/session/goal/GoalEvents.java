package org.alongside.session.goal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.session.vocabulary.Focus;

/** goal.updated: ids, focus, status and rating; never the goal's words. */
public final class GoalEvents {

    private GoalEvents() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Updated(UUID goalId, UUID referralId, Focus focus, Goal.Status status, Integer rating,
            UUID sessionId, boolean created, OffsetDateTime updatedAt) {

        static Updated of(Goal goal, GoalProgress step, boolean created) {
            return new Updated(goal.id, goal.referralId, goal.focus, goal.status, step.rating, step.sessionId, created,
                    step.recordedAt);
        }
    }
}
