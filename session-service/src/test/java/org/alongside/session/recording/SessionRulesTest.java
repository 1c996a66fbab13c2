package org.alongside.session.recording;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.problem.ProblemException;
import org.alongside.session.match.Match;
import org.alongside.session.vocabulary.Focus;
import org.junit.jupiter.api.Test;

class SessionRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2025, 3, 10, 12, 0, 0, 0, ZoneOffset.UTC);
    private final UUID referral = UUID.randomUUID();
    private final UUID peer = UUID.randomUUID();

    @Test
    void aSessionMayStartUpToTheWindowAheadButNoFurther() {
        Duration day = Duration.ofDays(1);
        assertDoesNotThrow(() -> SessionRules.checkStartedAt(NOW.minusYears(1), NOW, day));
        assertDoesNotThrow(() -> SessionRules.checkStartedAt(NOW.plus(day), NOW, day));
        ProblemException tooFar = assertThrows(ProblemException.class,
                () -> SessionRules.checkStartedAt(NOW.plus(day).plusSeconds(1), NOW, day));
        assertEquals(400, tooFar.status());
        assertEquals("startedAt: must not be more than 1 day in the future", tooFar.getMessage());
        assertEquals("startedAt: must not be more than 6 hours in the future", assertThrows(ProblemException.class,
                () -> SessionRules.checkStartedAt(NOW.plusDays(1), NOW, Duration.ofHours(6))).getMessage());
        assertEquals("startedAt: must not be more than 2 days in the future", assertThrows(ProblemException.class,
                () -> SessionRules.checkStartedAt(NOW.plusDays(3), NOW, Duration.ofDays(2))).getMessage());
    }

    @Test
    void anAttendedSessionNamesWhatItWorkedOn() {
        assertThrows(ProblemException.class, () -> SessionRules.checkFocus(Session.Attendance.ATTENDED, List.of()));
        assertDoesNotThrow(() -> SessionRules.checkFocus(Session.Attendance.ATTENDED,
                List.of(Focus.EMOTIONAL_SUPPORT)));
        for (Session.Attendance missed : List.of(Session.Attendance.DID_NOT_ATTEND,
                Session.Attendance.CANCELLED_BY_CLIENT, Session.Attendance.CANCELLED_BY_PEER)) {
            assertDoesNotThrow(() -> SessionRules.checkFocus(missed, List.of()));
        }
    }

    @Test
    void aPeerWorkerRecordsOnlyTheirOwnSessionsForTheirCurrentClients() {
        Match active = match(NOW.minusDays(30), null);
        assertSame(active, SessionRules.matchToRecordUnder(Optional.of(peer), referral, peer, List.of(active), NOW));

        ProblemException someoneElse = assertThrows(ProblemException.class, () -> SessionRules.matchToRecordUnder(
                Optional.of(UUID.randomUUID()), referral, peer, List.of(active), NOW));
        assertEquals(404, someoneElse.status());
        assertEquals("referral " + referral + " is not one of your clients", someoneElse.getMessage());

        Match ended = match(NOW.minusDays(30), NOW.minusDays(2));
        assertEquals(404, assertThrows(ProblemException.class, () -> SessionRules.matchToRecordUnder(
                Optional.of(peer), referral, peer, List.of(ended), NOW.minusDays(5))).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> SessionRules.matchToRecordUnder(
                Optional.of(peer), referral, peer, List.of(), NOW)).status());
    }

    @Test
    void aCoordinatorRecordsForMatchedPairsAndCatchesUpOnEndedMatches() {
        Match active = match(NOW.minusDays(3), null);
        assertSame(active, SessionRules.matchToRecordUnder(Optional.empty(), referral, peer, List.of(active), NOW));

        ProblemException unmatched = assertThrows(ProblemException.class,
                () -> SessionRules.matchToRecordUnder(Optional.empty(), referral, peer, List.of(), NOW));
        assertEquals(409, unmatched.status());
        assertEquals("referral " + referral + " has no accepted match with peer " + peer, unmatched.getMessage());

        Match older = match(NOW.minusDays(60), NOW.minusDays(40));
        Match ended = match(NOW.minusDays(20), NOW.minusDays(10));
        List<Match> history = List.of(ended, older);
        assertSame(ended, SessionRules.matchToRecordUnder(Optional.empty(), referral, peer, history,
                NOW.minusDays(15)));
        assertSame(ended, SessionRules.matchToRecordUnder(Optional.empty(), referral, peer, history,
                NOW.minusDays(50)));
        ProblemException afterTheEnd = assertThrows(ProblemException.class,
                () -> SessionRules.matchToRecordUnder(Optional.empty(), referral, peer, history, NOW.minusDays(5)));
        assertEquals(409, afterTheEnd.status());
        assertTrue(afterTheEnd.getMessage().contains("the match ended at " + NOW.minusDays(10)));
    }

    @Test
    void aPlaceIsOnlyForAVisitInPerson() {
        assertDoesNotThrow(() -> SessionRules.checkPlaceType(Session.Medium.IN_PERSON, Session.PlaceType.HOME));
        assertDoesNotThrow(() -> SessionRules.checkPlaceType(Session.Medium.TELEPHONE, null));
        ProblemException phone = assertThrows(ProblemException.class,
                () -> SessionRules.checkPlaceType(Session.Medium.TELEPHONE, Session.PlaceType.CLINIC));
        assertEquals("placeType: only applies to a session IN_PERSON, not TELEPHONE", phone.getMessage());
    }

    @Test
    void theNextSessionIsPlannedAfterThisOneAndWithinTheHorizon() {
        Duration horizon = Duration.ofDays(180);
        assertDoesNotThrow(() -> SessionRules.checkNextSessionAt(null, NOW, NOW, horizon));
        assertDoesNotThrow(() -> SessionRules.checkNextSessionAt(NOW.plusDays(7), NOW, NOW, horizon));
        assertEquals("nextSessionAt: must be after startedAt", assertThrows(ProblemException.class,
                () -> SessionRules.checkNextSessionAt(NOW, NOW, NOW, horizon)).getMessage());
        assertEquals("nextSessionAt: must not be more than 180 days ahead", assertThrows(ProblemException.class,
                () -> SessionRules.checkNextSessionAt(NOW.plusDays(181), NOW, NOW, horizon)).getMessage());
    }

    @Test
    void aPeerWhoseSupportEndedIsToldSoButAReplacedPeerSeesNothing() {
        Match closed = match(NOW.minusDays(30), NOW.minusDays(2), Match.REFERRAL_CLOSED);
        ProblemException ended = assertThrows(ProblemException.class, () -> SessionRules.matchToRecordUnder(
                Optional.of(peer), referral, peer, List.of(closed), NOW.minusDays(5)));
        assertEquals(409, ended.status());
        assertTrue(ended.getMessage().contains("ended at " + NOW.minusDays(2) + " (REFERRAL_CLOSED)"),
                ended.getMessage());

        Match replaced = match(NOW.minusDays(30), NOW.minusDays(2), Match.REPLACED);
        assertEquals(404, assertThrows(ProblemException.class, () -> SessionRules.matchToRecordUnder(
                Optional.of(peer), referral, peer, List.of(replaced), NOW)).status());
    }

    @Test
    void onlyThePeerWhoHeldASessionOrACoordinatorChangesItAndNeverOnceEnteredInError() {
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.peerId = peer;
        session.status = Session.Status.RECORDED;
        assertDoesNotThrow(() -> SessionRules.checkMayChange(session, Optional.of(peer)));
        assertDoesNotThrow(() -> SessionRules.checkMayChange(session, Optional.empty()));
        assertEquals(403, assertThrows(ProblemException.class,
                () -> SessionRules.checkMayChange(session, Optional.of(UUID.randomUUID()))).status());
        session.status = Session.Status.ENTERED_IN_ERROR;
        assertEquals(409, assertThrows(ProblemException.class,
                () -> SessionRules.checkMayChange(session, Optional.empty())).status());
    }

    private Match match(OffsetDateTime matchedAt, OffsetDateTime endedAt) {
        return match(matchedAt, endedAt, endedAt == null ? null : Match.REPLACED);
    }

    private Match match(OffsetDateTime matchedAt, OffsetDateTime endedAt, String endReason) {
        Match match = new Match();
        match.id = UUID.randomUUID();
        match.referralId = referral;
        match.peerId = peer;
        match.matchedAt = matchedAt;
        match.endedAt = endedAt;
        match.endReason = endReason;
        match.replacedBy = Match.REPLACED.equals(endReason) ? UUID.randomUUID() : null;
        return match;
    }
}
