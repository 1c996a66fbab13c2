package org.alongside.platform.events.matches;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code match.accepted}: the person chose the peer of a proposal; from now on that peer supports them.
 * {@code sharedLivedExperience} says what lived experience of a condition the peer shares with the person, as the
 * proposal's scoring found it; it was added as an optional field (absent from matches announced before), which the
 * contract's open objects make no new version.
 */
@EventType(name = EventTypes.MATCH_ACCEPTED, version = 1)
public record MatchAccepted(@NotNull UUID referralId, @NotNull UUID proposalId, @NotNull UUID peerId, int score,
        SharedLivedExperience sharedLivedExperience, @EventTime OffsetDateTime acceptedAt) implements EventData {

    /**
     * CONDITION: both live (or lived) with one of the person's conditions (the same SNOMED CT concept).
     * CONDITION_GROUP: not the same condition, but one of the same group of matching-service's taxonomy. NONE: neither.
     */
    public enum SharedLivedExperience { CONDITION, CONDITION_GROUP, NONE }
}
