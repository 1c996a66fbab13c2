package org.alongside.platform.events.referrals;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code referral.received}: a referral arrived and waits for triage, with the dimensions reports group by.
 * {@code referrerOrganisationName} is the referring organisation's name as the referral carried it (an organisation,
 * never a person); it was added as an optional field, which the contract's open objects make no new version.
 */
@EventType(name = EventTypes.REFERRAL_RECEIVED, version = 1)
public record ReferralReceived(
        UUID referralId,
        @NotNull ReferrerType referrerType,
        String referrerOdsCode,
        @Size(max = 200) String referrerOrganisationName,
        @NotNull List<@NotNull @Valid Condition> conditions,
        String ageBand,
        Gender gender,
        @Min(1) @Max(10) Integer imdDecile,
        @EventTime OffsetDateTime receivedAt) implements EventData {
}
