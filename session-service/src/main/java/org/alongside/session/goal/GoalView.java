package org.alongside.session.goal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.session.vocabulary.Focus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Goal")
public record GoalView(
        UUID id,
        UUID referralId,
        @Schema(description = "The person's words; present only for their peer, the peer's supervisor and coordinators")
        String text,
        Focus focus,
        Goal.Status status,
        @Schema(description = "The most recent rating, 1 to 10, if any") Integer latestRating,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        @Schema(description = "Every status and rating recorded, oldest first") List<Step> progress) {

    @Schema(name = "GoalProgress")
    public record Step(Goal.Status status, Integer rating, UUID sessionId, OffsetDateTime recordedAt,
            String recordedBy) {
    }

    public static GoalView of(Goal goal, List<GoalProgress> progress, boolean withText) {
        List<Step> steps = progress.stream()
                .map(p -> new Step(p.status, p.rating, p.sessionId, p.recordedAt, p.recordedBy)).toList();
        Integer latest = null;
        for (GoalProgress p : progress) {
            if (p.rating != null) {
                latest = p.rating;
            }
        }
        return new GoalView(goal.id, goal.referralId, withText ? goal.text : null, goal.focus, goal.status, latest,
                goal.createdAt, goal.createdBy, goal.updatedAt, steps);
    }
}
