package org.alongside.platform.events.referrals;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.events.support.Availability;
import org.alongside.platform.events.support.EthnicCategory;
import org.alongside.platform.events.support.Faith;

/**
 * {@code referral.updated}: a coordinator corrected a referral (PATCH) in a way matching or reporting depends on.
 * It carries the whole current state of those facts, not a difference, so a consumer simply replaces what it held;
 * codes only, never identity (a corrected name or phone number is no one else's business and causes no event).
 */
@EventType(name = EventTypes.REFERRAL_UPDATED, version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralUpdated(
        UUID referralId,
        @NotNull List<@NotNull @Valid Condition> conditions,
        @NotNull @Valid ReferralAcceptedV2.Preferences preferences,
        String language,
        boolean interpreterNeeded,
        String ageBand,
        Gender gender,
        String locality,
        @Min(1) @Max(10) Integer imdDecile,
        @Pattern(regexp = EthnicCategory.PATTERN) String ethnicity,
        Faith faith,
        @NotNull List<@NotNull @Valid Availability> availability,
        @NotNull List<@NotNull String> experiences,
        @EventTime OffsetDateTime updatedAt) implements EventData {
}
