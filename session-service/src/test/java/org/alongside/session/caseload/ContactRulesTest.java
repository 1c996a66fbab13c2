package org.alongside.session.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ContactRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2025, 6, 2, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void daysCountFromTheLastContact() {
        assertEquals(3, ContactRules.daysWithoutContact(NOW.minusDays(3).minusHours(2), NOW.minusDays(60), NOW));
        assertEquals(0, ContactRules.daysWithoutContact(NOW.minusHours(20), NOW.minusDays(60), NOW));
    }

    @Test
    void aClientNeverSeenCountsFromTheMatch() {
        assertEquals(20, ContactRules.daysWithoutContact(null, NOW.minusDays(20), NOW));
        assertEquals(0, ContactRules.daysWithoutContact(null, NOW.minusHours(1), NOW));
    }

    @Test
    void aClientIsFlaggedOnceTheThresholdIsReached() {
        assertFalse(ContactRules.flagged(13, 14));
        assertTrue(ContactRules.flagged(14, 14));
        assertTrue(ContactRules.flagged(40, 14));
    }

    @Test
    void theQueryCutOffFlagsExactlyTheClientsTheDayCountFlags() {
        OffsetDateTime cutOff = ContactRules.flaggedIfSinceAtOrBefore(NOW, 14);
        for (OffsetDateTime since : new OffsetDateTime[] {cutOff.minusNanos(1), cutOff, cutOff.plusNanos(1),
                NOW.minusDays(13), NOW.minusDays(40), NOW.plusHours(1)}) {
            assertEquals(ContactRules.flagged(ContactRules.daysWithoutContact(since, NOW.minusDays(60), NOW), 14),
                    !since.isAfter(cutOff), "last contact " + since);
        }
    }

    @Test
    void theNextSessionIsOneLoggedAheadElseTheOnePlanned() {
        assertEquals(NOW.plusDays(1), ContactRules.nextSession(NOW.plusDays(1), NOW.plusDays(7)));
        assertEquals(NOW.plusDays(7), ContactRules.nextSession(null, NOW.plusDays(7)));
        assertNull(ContactRules.nextSession(null, null));
    }
}
