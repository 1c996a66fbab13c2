package org.alongside.session.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MatchChangeTest {

    private static final OffsetDateTime T = OffsetDateTime.of(2025, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    private final UUID peer = UUID.randomUUID();

    @Test
    void aReferralWithoutAPeerGetsItsFirstMatch() {
        assertEquals(MatchChange.FIRST, MatchChange.of(null, peer, T));
    }

    @Test
    void theSamePeerAgainChangesNothing() {
        assertEquals(MatchChange.ALREADY_MATCHED, MatchChange.of(active(peer, T), peer, T.plusDays(1)));
        assertEquals(MatchChange.ALREADY_MATCHED, MatchChange.of(active(peer, T), peer, T.minusDays(1)));
    }

    @Test
    void aLaterMatchWithAnotherPeerReplacesTheCurrentOne() {
        assertEquals(MatchChange.REPLACES, MatchChange.of(active(peer, T), UUID.randomUUID(), T.plusMinutes(1)));
        assertEquals(MatchChange.REPLACES, MatchChange.of(active(peer, T), UUID.randomUUID(), T));
    }

    @Test
    void anOlderMatchWithAnotherPeerIsStaleAndDoesNotUndoTheNewerOne() {
        assertEquals(MatchChange.STALE, MatchChange.of(active(peer, T), UUID.randomUUID(), T.minusSeconds(1)));
    }

    @Test
    void aProposalAppliedBeforeNeverComesBackEvenAfterItsMatchEnded() {
        assertEquals(MatchChange.ALREADY_MATCHED, MatchChange.of(null, peer, T, true, false));
        assertEquals(MatchChange.ALREADY_MATCHED, MatchChange.of(null, peer, T, true, true));
    }

    @Test
    void aReferralWhoseSupportEndedGetsNoActiveMatch() {
        assertEquals(MatchChange.REFERRAL_ENDED, MatchChange.of(null, peer, T, false, true));
        assertEquals(MatchChange.REFERRAL_ENDED, MatchChange.of(active(peer, T), UUID.randomUUID(), T, false, true));
        assertEquals(MatchChange.FIRST, MatchChange.of(null, peer, T, false, false));
    }

    private static Match active(UUID peerId, OffsetDateTime matchedAt) {
        Match match = new Match();
        match.id = UUID.randomUUID();
        match.peerId = peerId;
        match.matchedAt = matchedAt;
        return match;
    }
}
