package org.alongside.referral.lifecycle;

import static org.alongside.referral.lifecycle.ReferralStatus.ACCEPTED;
import static org.alongside.referral.lifecycle.ReferralStatus.ACTIVE;
import static org.alongside.referral.lifecycle.ReferralStatus.CLOSED;
import static org.alongside.referral.lifecycle.ReferralStatus.DECLINED;
import static org.alongside.referral.lifecycle.ReferralStatus.MATCHED;
import static org.alongside.referral.lifecycle.ReferralStatus.RECEIVED;
import static org.alongside.referral.lifecycle.ReferralStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lifecycle of the issue: every allowed move, and every other move refused. */
class ReferralStatusTest {

    private static final Map<ReferralStatus, Set<ReferralStatus>> ALLOWED = Map.of(
            RECEIVED, EnumSet.of(ACCEPTED, DECLINED, WITHDRAWN),
            ACCEPTED, EnumSet.of(MATCHED, WITHDRAWN),
            MATCHED, EnumSet.of(ACTIVE, WITHDRAWN, CLOSED),
            ACTIVE, EnumSet.of(CLOSED, WITHDRAWN),
            DECLINED, EnumSet.noneOf(ReferralStatus.class),
            WITHDRAWN, EnumSet.noneOf(ReferralStatus.class),
            CLOSED, EnumSet.noneOf(ReferralStatus.class));

    @Test
    void everyPairOfStatusesIsAllowedOnlyIfTheLifecycleSaysSo() {
        for (ReferralStatus from : ReferralStatus.values()) {
            for (ReferralStatus to : ReferralStatus.values()) {
                assertEquals(ALLOWED.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
            }
        }
    }

    @Test
    void declinedWithdrawnAndClosedAreFinal() {
        for (ReferralStatus done : EnumSet.of(DECLINED, WITHDRAWN, CLOSED)) {
            assertFalse(done.isOpen());
        }
    }
}
