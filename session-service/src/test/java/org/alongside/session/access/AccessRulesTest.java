package org.alongside.session.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private final UUID peer = UUID.randomUUID();

    @Test
    void freeTextIsForThePeerTheirSupervisorAndCoordinators() {
        assertTrue(AccessRules.mayReadRestricted(true, Optional.empty(), false, peer));
        assertTrue(AccessRules.mayReadRestricted(false, Optional.of(peer), false, peer));
        assertTrue(AccessRules.mayReadRestricted(false, Optional.empty(), true, peer));
    }

    @Test
    void anotherPeerAnotherSupervisorAndAdminsDoNotReadIt() {
        assertFalse(AccessRules.mayReadRestricted(false, Optional.of(UUID.randomUUID()), false, peer));
        assertFalse(AccessRules.mayReadRestricted(false, Optional.empty(), false, peer));
        assertFalse(AccessRules.mayReadRestricted(false, Optional.empty(), true, null));
        assertTrue(AccessRules.mayReadRestricted(true, Optional.empty(), false, null));
    }

    @Test
    void outOfScopeLooksLikeAbsent() {
        UUID referral = UUID.randomUUID();
        assertEquals(404, AccessRules.notYourClient(referral).status());
        assertEquals("referral " + referral + " is not one of your clients",
                AccessRules.notYourClient(referral).getMessage());
    }
}
