package org.alongside.platform.events.matches;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/** {@code match.accepted}: the person chose the peer of a proposal; from now on that peer supports them. */
@EventType(name = EventTypes.MATCH_ACCEPTED, version = 1)
public record MatchAccepted(@NotNull UUID referralId, @NotNull UUID proposalId, @NotNull UUID peerId, int score,
        @EventTime OffsetDateTime acceptedAt) implements EventData {
}
