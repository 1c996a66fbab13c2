package org.alongside.console.api.referral;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the console reads from and sends to referral-service. Codes are kept as strings: a code the service adds
 * later is shown as it comes, not refused.
 */
public final class Referrals {

    private Referrals() {
    }

    public static final List<String> STATUSES = List.of("RECEIVED", "ACCEPTED", "DECLINED", "WITHDRAWN", "MATCHED",
            "ACTIVE", "CLOSED");
    public static final List<String> DECLINE_REASONS = List.of("NOT_ELIGIBLE", "NEEDS_OTHER_SERVICE",
            "PERSON_DECLINED", "UNABLE_TO_CONTACT", "OTHER");
    public static final List<String> SUPPORT_WANTED = List.of("DAILY_MANAGEMENT", "EMOTIONAL_SUPPORT",
            "COMMUNITY_CONNECTION", "ONGOING_SUPPORT");
    public static final List<String> SETTINGS = List.of("ONE_TO_ONE", "GROUP");
    public static final List<String> MEDIA = List.of("IN_PERSON", "TELEPHONE", "VIDEO", "ONLINE_TEXT");
    public static final List<String> GENDERS = List.of("FEMALE", "MALE", "OTHER", "UNKNOWN");
    public static final List<String> CONDITION_KINDS = List.of("PHYSICAL", "MENTAL");
    public static final List<String> CONTACT_METHODS = List.of("PHONE", "TEXT", "EMAIL", "LETTER");

    public static final List<String> CLOSE_REASONS = List.of("GOALS_MET", "SUPPORT_NO_LONGER_WANTED", "NOT_ENGAGING",
            "UNABLE_TO_CONTACT", "MOVED_AWAY", "TRANSFERRED", "DIED", "OTHER");
    public static final List<String> ATTEMPT_METHODS = List.of("PHONE", "SMS", "EMAIL", "LETTER", "IN_PERSON");
    public static final List<String> ATTEMPT_OUTCOMES = List.of("REACHED", "NO_ANSWER", "LEFT_MESSAGE",
            "WRONG_DETAILS", "DECLINED_TO_TALK");

    /** What a coordinator searches the worklist by; blank fields are left out. */
    public record Search(String status, String condition, LocalDate receivedFrom, LocalDate receivedTo, String name,
            String nhsNumber, String birthDate, boolean unableToContact) {
    }

    public record Page(List<Referral> items, int page, int size, long total) {
    }

    public record Referral(UUID id, String status, OffsetDateTime receivedAt, OffsetDateTime updatedAt,
            Long daysWaiting, String channel, Referrer referrer, Person person, List<Condition> conditions,
            String reason, List<String> supportWanted, Preferences preferences, Consent consent,
            Safeguarding safeguarding, Integer imdDecile, String urgency, String statusReason, UUID matchedPeerId,
            boolean unableToContact, String suggestedCloseReason, UUID possibleDuplicateOf, OffsetDateTime consentWithdrawnAt, OffsetDateTime erasedAt) {

        public String name() {
            return person == null || person.givenName() == null ? "Name erased"
                    : person.givenName() + " " + person.familyName();
        }

        public boolean urgent() {
            return "URGENT".equals(urgency);
        }

        public boolean awaitingTriage() {
            return "RECEIVED".equals(status);
        }

        /** Accepted and not yet ended: what a coordinator may close with a reason. */
        public boolean closable() {
            return List.of("ACCEPTED", "MATCHED", "ACTIVE").contains(status);
        }
    }

    public record Referrer(String type, String odsCode, String name, String phone, String email) {
    }

    public record Person(String nhsNumber, String givenName, String familyName, LocalDate birthDate, String gender,
            String postcode, String phone, String email, String preferredContact, String language,
            Boolean interpreterNeeded, String accessibilityNeeds) {
    }

    public record Condition(String snomedCode, String display, String kind) {
    }

    public record Preferences(String peerGender, List<String> settings, List<String> media, Boolean sharedCondition,
            Boolean sharedCultureOrLanguage) {
    }

    public record Consent(Boolean peerSupport, Boolean shareWithGp, Boolean contact) {
    }

    public record Safeguarding(Boolean concern, String details) {
    }

    public record HistoryPage(List<HistoryEntry> items, int page, int size, long total) {
    }

    public record HistoryEntry(String fromStatus, String toStatus, String reason, String actor,
            OffsetDateTime changedAt) {
    }

    public record Decline(String reason, String note) {
    }

    public record Close(String reason, String note) {
    }

    public record ContactAttempts(List<ContactAttempt> items, int page, int size, long total) {
    }

    public record ContactAttempt(UUID id, OffsetDateTime attemptedAt, String method, String outcome, String note,
            String recordedBy, OffsetDateTime recordedAt) {
    }

    public record NewContactAttempt(OffsetDateTime attemptedAt, String method, String outcome, String note) {
    }

    /** POST /referrals, as a link worker without a FHIR system sends it. */
    public record NewReferral(Referrer referrer, NewPerson person, List<Condition> conditions, String reason,
            List<String> supportWanted, Preferences preferences, Consent consent, Safeguarding safeguarding,
            String urgency) {
    }

    public record NewPerson(String nhsNumber, String givenName, String familyName, LocalDate birthDate, String gender,
            String postcode, String phone, String email, String preferredContact, String language) {
    }
}
