package org.alongside.platform.events.matches;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code match.declined}: a proposal was turned down. The reason is a code of matching-service's decline reasons,
 * as text; the coordinator's note stays behind.
 */
@EventType(name = EventTypes.MATCH_DECLINED, version = 1)
public record MatchDeclined(UUID referralId, @NotNull UUID proposalId, @NotNull UUID peerId, @NotBlank String reason,
        @EventTime OffsetDateTime declinedAt) implements EventData {
}
