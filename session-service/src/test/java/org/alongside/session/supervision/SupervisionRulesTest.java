package org.alongside.session.supervision;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.alongside.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class SupervisionRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2025, 6, 2, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final Duration FOUR_WEEKS = Duration.ofDays(28);

    @Test
    void supervisionIsDueAnIntervalAfterTheLast() {
        OffsetDateTime last = NOW.minusDays(30);
        OffsetDateTime due = SupervisionRules.dueAt(last, NOW.minusDays(400), FOUR_WEEKS);
        assertEquals(NOW.minusDays(2), due);
        assertTrue(SupervisionRules.isOverdue(due, NOW));
        assertEquals(2, SupervisionRules.daysOverdue(due, NOW));
    }

    @Test
    void aPeerNeverSupervisedIsDueAnIntervalAfterTheyStarted() {
        assertEquals(NOW.plusDays(18), SupervisionRules.dueAt(null, NOW.minusDays(10), FOUR_WEEKS));
        assertFalse(SupervisionRules.isOverdue(NOW.plusDays(18), NOW));
        assertEquals(0, SupervisionRules.daysOverdue(NOW.plusDays(18), NOW));
    }

    @Test
    void exactlyAtTheDeadlineIsNotYetOverdue() {
        assertFalse(SupervisionRules.isOverdue(NOW, NOW));
        assertTrue(SupervisionRules.isOverdue(NOW, NOW.plusSeconds(1)));
    }

    @Test
    void supervisionIsRecordedOnceHeld() {
        assertDoesNotThrow(() -> SupervisionRules.checkHeldAt(NOW.minusHours(3), NOW));
        assertDoesNotThrow(() -> SupervisionRules.checkHeldAt(NOW.plusMinutes(4), NOW));
        ProblemException future = assertThrows(ProblemException.class,
                () -> SupervisionRules.checkHeldAt(NOW.plusHours(1), NOW));
        assertEquals(400, future.status());
        assertTrue(future.getMessage().startsWith("heldAt: must not be in the future"));
    }
}
