package org.alongside.platform.events.referrals;

import jakarta.validation.constraints.NotBlank;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code referral.withdrawn}: the person or referrer stopped the referral, from {@code fromStatus}. The reason is a
 * code of referral-service's withdrawal reasons, kept as text; CONSENT_WITHDRAWN is followed by
 * {@code referral.consent-withdrawn}.
 */
@EventType(name = EventTypes.REFERRAL_WITHDRAWN, version = 1)
public record ReferralWithdrawn(UUID referralId, @NotBlank String reason, ReferralStatus fromStatus,
        @EventTime OffsetDateTime withdrawnAt) implements EventData {
}
