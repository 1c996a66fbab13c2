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
import org.alongside.platform.events.support.Medium;
import org.alongside.platform.events.support.Setting;

/**
 * {@code referral.accepted} version 2: triage accepted the referral; it carries what matching needs to propose peers
 * and what equity reporting breaks figures down by. Against version 1: preferences name {@code settings} and
 * {@code media} (the one vocabulary of support) instead of {@code formats}; the person's {@code ethnicity} (NHS
 * ethnic category code) and {@code faith} replace the free-text {@code culture}. Codes only, never identity.
 * Optional fields the person did not give are left out; lists are present and may be empty.
 */
@EventType(name = EventTypes.REFERRAL_ACCEPTED, version = 2)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralAcceptedV2(
        UUID referralId,
        @NotNull List<@NotNull @Valid Condition> conditions,
        @NotNull @Valid Preferences preferences,
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
        @NotNull OffsetDateTime receivedAt,
        @EventTime OffsetDateTime acceptedAt) implements EventData {

    /** What the person asked for in a peer and in the support. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Preferences(Gender peerGender, @NotNull List<@NotNull Setting> settings,
            @NotNull List<@NotNull Medium> media, Boolean sharedCondition, Boolean sharedCultureOrLanguage) {
    }
}
