package org.alongside.session.group;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import org.alongside.platform.problem.ProblemException;
import org.alongside.session.recording.Session;
import org.junit.jupiter.api.Test;

class GroupRulesTest {

    @Test
    void onlyThoseWhoAttendedTakeAPlace() {
        List<Session.Attendance> register = List.of(Session.Attendance.ATTENDED, Session.Attendance.ATTENDED,
                Session.Attendance.DID_NOT_ATTEND, Session.Attendance.CANCELLED_BY_CLIENT);
        assertEquals(2, GroupRules.attended(register));
        assertDoesNotThrow(() -> GroupRules.checkCapacity(2, 2, "Breathe Easy"));
        ProblemException over = assertThrows(ProblemException.class,
                () -> GroupRules.checkCapacity(3, 2, "Breathe Easy"));
        assertEquals(409, over.status());
        assertEquals("3 members attended but 'Breathe Easy' takes at most 2; check the register or raise the "
                + "group's capacity", over.getMessage());
    }

    @Test
    void aPeerLedGroupNeedsAPeerAndFacilitatorsAreListedOnce() {
        UUID peer = UUID.randomUUID();
        assertEquals(List.of(peer), GroupRules.checkFacilitators(PeerGroup.Leadership.PEER_LED, List.of(peer, peer)));
        assertEquals(List.of(), GroupRules.checkFacilitators(PeerGroup.Leadership.PROFESSIONALLY_LED, List.of()));
        for (PeerGroup.Leadership leadership : List.of(PeerGroup.Leadership.PEER_LED,
                PeerGroup.Leadership.CO_FACILITATED)) {
            ProblemException none = assertThrows(ProblemException.class,
                    () -> GroupRules.checkFacilitators(leadership, List.of()));
            assertEquals(400, none.status());
            assertEquals("facilitators", none.toProblem(null).errors().get(0).field());
        }
    }

    @Test
    void aMemberIsOnTheRegisterOnce() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertDoesNotThrow(() -> GroupRules.checkDistinctMembers(List.of(a, b)));
        ProblemException twice = assertThrows(ProblemException.class,
                () -> GroupRules.checkDistinctMembers(List.of(a, b, a)));
        assertEquals("attendance[2].referralId", twice.toProblem(null).errors().get(0).field());
    }
}
