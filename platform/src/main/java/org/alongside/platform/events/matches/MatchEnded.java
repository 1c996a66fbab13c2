package org.alongside.platform.events.matches;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code match.ended}: a match ended because the referral was closed or withdrawn; the peer's place is free again.
 * The reason is the coded reason of that ending, as text. Once per match.
 */
@EventType(name = EventTypes.MATCH_ENDED, version = 1)
public record MatchEnded(UUID referralId, @NotNull UUID peerId, String reason, @EventTime OffsetDateTime endedAt)
        implements EventData {
}
