package org.alongside.platform.events.matches;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code match.ended} version 2: a match ended and the peer's place is free again. Against version 1 the reason is
 * coded, and it names the accepted proposal that was the match: the referral was CLOSED or WITHDRAWN (consent withdrawal included), or the person was TRANSFERRED to
 * another peer (their sessions and goals stay with them; a {@code match.accepted} for the new peer follows). Once
 * per match.
 */
@EventType(name = EventTypes.MATCH_ENDED, version = 2)
public record MatchEndedV2(UUID referralId, @NotNull UUID proposalId, @NotNull UUID peerId, @NotNull Reason reason,
        @EventTime OffsetDateTime endedAt) implements EventData {

    public enum Reason { CLOSED, WITHDRAWN, TRANSFERRED }
}
