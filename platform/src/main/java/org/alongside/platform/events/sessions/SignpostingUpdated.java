package org.alongside.platform.events.sessions;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code signposting.updated}: the person was linked to a community resource ({@code signpostingId}), or whether they
 * took it up changed; each event carries the current state and the latest {@code updatedAt} wins. The resource by
 * its kind only, never its name.
 */
@EventType(name = EventTypes.SIGNPOSTING_UPDATED, version = 1)
public record SignpostingUpdated(@NotNull UUID signpostingId, UUID referralId, @NotNull Category category,
        @NotNull TakeUp takeUp, @EventTime OffsetDateTime updatedAt) implements EventData {

    /** The kind of community resource, as session-service codes it. */
    public enum Category {
        PHYSICAL_ACTIVITY, CONDITION_SUPPORT_GROUP, PEER_SUPPORT_GROUP, ARTS_AND_CREATIVITY, BEFRIENDING_AND_SOCIAL,
        NATURE_AND_GARDENING, HEALTHY_EATING, MENTAL_HEALTH_SERVICE, WELFARE_BENEFITS_AND_MONEY, HOUSING,
        EMPLOYMENT_AND_VOLUNTEERING, LEARNING_AND_SKILLS, CARERS_SUPPORT, FAITH_AND_CULTURAL_COMMUNITY,
        TRANSPORT_AND_ACCESS, OTHER
    }

    /** Whether the person took the resource up: NOT_KNOWN until someone finds out. */
    public enum TakeUp { NOT_KNOWN, TAKEN_UP, NOT_TAKEN_UP }
}
