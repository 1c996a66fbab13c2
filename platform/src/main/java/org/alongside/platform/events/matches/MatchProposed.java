package org.alongside.platform.events.matches;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code match.proposed}: peers proposed for an accepted referral, ranked; again with only the new proposals
 * (ranked on after the earlier ones) whenever one is replaced, a waiting referral is matched, or an assignment run
 * assigns a peer.
 */
@EventType(name = EventTypes.MATCH_PROPOSED, version = 1)
public record MatchProposed(UUID referralId, @NotEmpty List<@NotNull @Valid Item> proposals,
        @EventTime OffsetDateTime proposedAt) implements EventData {

    /** One proposal: the peer, their rank among the referral's proposals, and their score (0-100). */
    public record Item(@NotNull UUID proposalId, @NotNull UUID peerId, int rank, int score) {
    }
}
