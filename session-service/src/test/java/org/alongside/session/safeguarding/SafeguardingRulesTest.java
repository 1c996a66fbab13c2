package org.alongside.session.safeguarding;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.alongside.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class SafeguardingRulesTest {

    @Test
    void aConcernIsAcknowledgedOnceThenClosedOnce() {
        Concern concern = new Concern();
        concern.id = UUID.randomUUID();
        concern.status = Concern.Status.OPEN;
        assertDoesNotThrow(() -> SafeguardingRules.checkCanAcknowledge(concern));
        ProblemException closeFirst = assertThrows(ProblemException.class,
                () -> SafeguardingRules.checkCanClose(concern));
        assertEquals(409, closeFirst.status());
        assertEquals("concern " + concern.id + " must be acknowledged before it is closed", closeFirst.getMessage());

        concern.status = Concern.Status.ACKNOWLEDGED;
        assertEquals(409, assertThrows(ProblemException.class,
                () -> SafeguardingRules.checkCanAcknowledge(concern)).status());
        assertDoesNotThrow(() -> SafeguardingRules.checkCanClose(concern));

        concern.status = Concern.Status.CLOSED;
        assertEquals(409, assertThrows(ProblemException.class, () -> SafeguardingRules.checkCanClose(concern))
                .status());
    }
}
