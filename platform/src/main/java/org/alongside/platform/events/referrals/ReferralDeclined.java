package org.alongside.platform.events.referrals;

import jakarta.validation.constraints.NotBlank;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code referral.declined}: triage declined the referral. The reason is a code of referral-service's decline
 * reasons (its OpenAPI document lists them), kept as text so a new code is not poison; the note stays behind.
 */
@EventType(name = EventTypes.REFERRAL_DECLINED, version = 1)
public record ReferralDeclined(UUID referralId, @NotBlank String reason, @EventTime OffsetDateTime declinedAt)
        implements EventData {
}
