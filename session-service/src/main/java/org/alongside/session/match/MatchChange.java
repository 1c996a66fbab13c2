package org.alongside.session.match;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What an accepted match means for a referral, given the match it has now. */
public enum MatchChange {
    /** The referral had no peer: this is its first match. */
    FIRST,
    /** The referral is already matched to this peer: nothing changes. */
    ALREADY_MATCHED,
    /** A different peer now supports the referral: the current match ends. */
    REPLACES,
    /** Accepted before the current match (a replay of an old event): applying it would undo a newer decision. */
    STALE;

    public static MatchChange of(Match active, UUID peerId, OffsetDateTime acceptedAt) {
        if (active == null) {
            return FIRST;
        }
        if (active.peerId.equals(peerId)) {
            return ALREADY_MATCHED;
        }
        return acceptedAt.isBefore(active.matchedAt) ? STALE : REPLACES;
    }
}
