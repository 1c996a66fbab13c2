package org.alongside.platform.events.referrals;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventTime;
import org.alongside.platform.events.EventType;
import org.alongside.platform.events.EventTypes;

/**
 * {@code referral.accepted}: triage accepted the referral; it carries what matching needs to propose peers.
 * {@code culture}, {@code availability} and {@code experiences} are left out when not known (referral-service does
 * not collect them yet); matching uses them when they are sent.
 */
@EventType(name = EventTypes.REFERRAL_ACCEPTED, version = 1)
public record ReferralAccepted(
        UUID referralId,
        @NotNull List<@NotNull @Valid Condition> conditions,
        Preferences preferences,
        String language,
        boolean interpreterNeeded,
        String ageBand,
        Gender gender,
        String locality,
        @Min(1) @Max(10) Integer imdDecile,
        @NotNull OffsetDateTime receivedAt,
        @EventTime OffsetDateTime acceptedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String culture,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<@NotNull @Valid Slot> availability,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> experiences) implements EventData {

    /** As referral-service knows the person: without culture, availability or experiences. */
    public ReferralAccepted(UUID referralId, List<Condition> conditions, Preferences preferences, String language,
            boolean interpreterNeeded, String ageBand, Gender gender, String locality, Integer imdDecile,
            OffsetDateTime receivedAt, OffsetDateTime acceptedAt) {
        this(referralId, conditions, preferences, language, interpreterNeeded, ageBand, gender, locality, imdDecile,
                receivedAt, acceptedAt, null, null, null);
    }

    /** What the person asked for in a peer and in the support. */
    public record Preferences(Gender peerGender, List<SupportFormat> formats, Boolean sharedCondition,
            Boolean sharedCultureOrLanguage) {
    }

    /** A part of a day in the week when the person is free for peer support. */
    public record Slot(@NotNull DayOfWeek day, @NotNull PartOfDay part) {

        public enum PartOfDay { MORNING, AFTERNOON, EVENING }
    }
}
