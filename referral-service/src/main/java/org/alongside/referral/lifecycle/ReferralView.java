package org.alongside.referral.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A referral as its readers see it. */
@Schema(name = "Referral")
public record ReferralView(
        UUID id,
        ReferralStatus status,
        OffsetDateTime receivedAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Days since the referral was received, while it waits for support") Long daysWaiting,
        Referrer referrer,
        Person person,
        List<Referral.Condition> conditions,
        String reason,
        Referral.Preferences preferences,
        Consent consent,
        Integer imdDecile,
        UUID matchedPeerId) {

    public record Referrer(Referral.ReferrerType type, String odsCode, String name) {
    }

    public record Person(String nhsNumber, String givenName, String familyName, LocalDate birthDate,
            Referral.Gender gender, String postcode, String phone, String email, String language,
            boolean interpreterNeeded) {
    }

    public record Consent(boolean peerSupport, Boolean shareWithGp) {
    }

    public static ReferralView of(Referral r, Clock clock) {
        boolean waiting = r.status == ReferralStatus.RECEIVED || r.status == ReferralStatus.ACCEPTED;
        Long daysWaiting = waiting ? Duration.between(r.receivedAt, OffsetDateTime.now(clock)).toDays() : null;
        return new ReferralView(r.id, r.status, r.receivedAt, r.updatedAt, daysWaiting,
                new Referrer(r.referrerType, r.referrerOdsCode, r.referrerName),
                new Person(r.nhsNumber, r.givenName, r.familyName, r.birthDate, r.gender, r.postcode, r.phone, r.email,
                        r.language, r.interpreterNeeded),
                r.conditions, r.reason, r.preferences, new Consent(r.consentPeerSupport, r.consentShareWithGp),
                r.imdDecile, r.matchedPeerId);
    }
}
