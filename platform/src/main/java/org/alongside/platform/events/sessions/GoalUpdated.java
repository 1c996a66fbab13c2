package org.alongside.platform.events.sessions;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code goal.updated}: a goal of the person's wellness plan was set ({@code created}), or its status or progress
 * rating changed, possibly in a session. Never the goal's words. {@code rating} only when this update rated
 * progress, {@code sessionId} only when it was reviewed in a session.
 */
@EventType(name = EventTypes.GOAL_UPDATED, version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GoalUpdated(@NotNull UUID goalId, UUID referralId, @NotNull Focus focus, @NotNull Status status,
        @Min(1) @Max(10) Integer rating, UUID sessionId, boolean created, @EventTime OffsetDateTime updatedAt)
        implements EventData {

    /** CHANGED: the person set the goal aside for another (a new goal). */
    public enum Status { NOT_STARTED, IN_PROGRESS, ACHIEVED, CHANGED }
}
