package org.alongside.referral.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.events.support.Availability;
import org.alongside.platform.events.support.Faith;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A referral as its readers see it. */
@Schema(name = "Referral")
public record ReferralView(
        UUID id,
        ReferralStatus status,
        OffsetDateTime receivedAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Days since the referral was received, while it waits for support") Long daysWaiting,
        @Schema(description = "How the referral arrived: REST or FHIR") Referral.Channel channel,
        Referrer referrer,
        Person person,
        List<Referral.Condition> conditions,
        String reason,
        List<Referral.SupportWanted> supportWanted,
        Referral.Preferences preferences,
        @Schema(description = "When in the week the person is free for support") List<Availability> availability,
        @Schema(description = "Life experiences the person would like a peer to share (matching's tags)") List<String> experiences,
        Consent consent,
        Safeguarding safeguarding,
        Integer imdDecile,
        Referral.Urgency urgency,
        @Schema(description = "Coded reason of the latest decline, withdrawal or close") String statusReason,
        UUID matchedPeerId,
        @Schema(description = "The configured number of attempts in a row failed to reach the person (contact log)")
        boolean unableToContact,
        @Schema(description = "The coded reason to close or decline with, when the referral suggests one: "
                + "UNABLE_TO_CONTACT when unableToContact") String suggestedCloseReason,
        @Schema(description = "An open referral for the same NHS number, for a coordinator to review") UUID possibleDuplicateOf,
        @Schema(description = "When the person withdrew their consent to peer support") OffsetDateTime consentWithdrawnAt,
        @Schema(description = "When identity and free text were erased at the end of the retention period; person "
                + "then holds only gender and language, ageBand and locality the coded rest") OffsetDateTime erasedAt,
        @Schema(description = "Present once erased: the age band at receipt, kept for counts") String ageBand,
        @Schema(description = "Present once erased: the postcode district, kept for counts") String locality) {

    // each part named for the referral it is read from, apart from NewReferral's parts of the same names
    @Schema(name = "ReferralReferrer")
    public record Referrer(Referral.ReferrerType type, String odsCode,
            @Schema(description = "The referring organisation's name, as the referral carried it") String organisationName,
            String name, String phone, String email) {
    }

    @Schema(name = "ReferralPerson")
    public record Person(String nhsNumber, String givenName, String familyName, LocalDate birthDate,
            Referral.Gender gender, String postcode, String phone, String email, Referral.ContactMethod preferredContact,
            String language, boolean interpreterNeeded, String accessibilityNeeds,
            @Schema(description = "NHS ethnic category code") String ethnicity, Faith faith) {
    }

    @Schema(name = "ReferralConsent")
    public record Consent(boolean peerSupport, Boolean shareWithGp, Boolean contact, Referral.ConsentSource source) {
    }

    @Schema(name = "ReferralSafeguarding")
    public record Safeguarding(boolean concern, String details) {
    }

    public static ReferralView of(Referral r, Clock clock) {
        boolean waiting = r.status == ReferralStatus.RECEIVED || r.status == ReferralStatus.ACCEPTED;
        Long daysWaiting = waiting ? Duration.between(r.receivedAt, OffsetDateTime.now(clock)).toDays() : null;
        return new ReferralView(r.id, r.status, r.receivedAt, r.updatedAt, daysWaiting, r.channel,
                new Referrer(r.referrerType, r.referrerOdsCode, r.referrerOrganisationName, r.referrerName,
                        r.referrerPhone, r.referrerEmail),
                new Person(r.nhsNumber, r.givenName, r.familyName, r.birthDate, r.gender, r.postcode, r.phone, r.email,
                        r.preferredContact, r.language, r.interpreterNeeded, r.accessibilityNeeds, r.ethnicity,
                        r.faith),
                r.conditions, r.reason, r.supportWanted, r.preferences, r.availability, r.experiences,
                new Consent(r.consentPeerSupport, r.consentShareWithGp, r.consentContact, r.consentSource),
                new Safeguarding(r.safeguardingConcern, r.safeguardingDetails), r.imdDecile, r.urgency,
                r.statusReason, r.matchedPeerId, r.unableToContact,
                r.unableToContact && r.status.isOpen() ? Reasons.CloseReason.UNABLE_TO_CONTACT.name() : null, r.possibleDuplicateOf, r.consentWithdrawnAt, r.erasedAt,
                r.erasedAgeBand, r.erasedLocality);
    }
}
