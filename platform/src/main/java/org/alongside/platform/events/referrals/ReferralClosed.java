package org.alongside.platform.events.referrals;

import jakarta.validation.constraints.NotBlank;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/** {@code referral.closed}: support ended. The reason is a code of referral-service's closure reasons, as text. */
@EventType(name = EventTypes.REFERRAL_CLOSED, version = 1)
public record ReferralClosed(UUID referralId, @NotBlank String reason, @EventTime OffsetDateTime closedAt)
        implements EventData {
}
