package org.alongside.session.match;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What an accepted match means for a referral, given the match it has now. */
public enum MatchChange {
    /** The referral had no peer: this is its first match (or its first since the last one ended). */
    FIRST,
    /** The referral is already matched to this peer, or this very proposal was applied before: nothing changes. */
    ALREADY_MATCHED,
    /** A different peer now supports the referral: the current match ends. */
    REPLACES,
    /** Accepted before the current match (a replay of an old event): applying it would undo a newer decision. */
    STALE,
    /** The referral was closed or withdrawn: the match is kept for the record but ends as it starts. */
    REFERRAL_ENDED;

    public static MatchChange of(Match active, UUID peerId, OffsetDateTime acceptedAt) {
        if (active == null) {
            return FIRST;
        }
        if (active.peerId.equals(peerId)) {
            return ALREADY_MATCHED;
        }
        return acceptedAt.isBefore(active.matchedAt) ? STALE : REPLACES;
    }

    /**
     * As {@link #of(Match, UUID, OffsetDateTime)}, knowing more: a proposal applied before is never applied again
     * (a match that has since ended must not come back), and a referral whose support ended gets no active match.
     */
    public static MatchChange of(Match active, UUID peerId, OffsetDateTime acceptedAt, boolean proposalKnown,
            boolean referralEnded) {
        if (proposalKnown) {
            return ALREADY_MATCHED;
        }
        if (referralEnded) {
            return REFERRAL_ENDED;
        }
        return of(active, peerId, acceptedAt);
    }
}
