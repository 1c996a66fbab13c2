package org.alongside.platform.events.referrals;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code referral.erased}: the referral ended ({@code status} at {@code endedAt}) longer ago than the retention
 * period, and its identity and free text were erased; every service erases its own free text. Once per referral.
 */
@EventType(name = EventTypes.REFERRAL_ERASED, version = 1)
public record ReferralErased(UUID referralId, ReferralStatus status, OffsetDateTime endedAt,
        @EventTime OffsetDateTime erasedAt) implements EventData {
}
