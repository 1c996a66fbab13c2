package org.alongside.platform.events.referrals;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code referral.consent-withdrawn}: the person withdrew their consent to peer support, when the referral was at
 * {@code fromStatus}. From then on no service records anything new about them. Once per referral.
 */
@EventType(name = EventTypes.REFERRAL_CONSENT_WITHDRAWN, version = 1)
public record ReferralConsentWithdrawn(UUID referralId, ReferralStatus fromStatus,
        @EventTime OffsetDateTime withdrawnAt) implements EventData {
}
