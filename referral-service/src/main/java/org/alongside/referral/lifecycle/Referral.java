package org.alongside.referral.lifecycle;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.events.support.Availability;
import org.alongside.platform.events.support.EthnicCategory;
import org.alongside.platform.events.support.Faith;
import org.alongside.platform.events.support.Medium;
import org.alongside.platform.events.support.Setting;
import org.alongside.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * A person's referral to peer support: the only place in Alongside that holds who the person is. It owns the rules
 * of its lifecycle (which status may follow which, what each decision records, what erasure keeps); each change
 * returns the step for its history, which {@link Referrals} keeps, announces and publishes.
 */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    public enum ReferrerType { GP_PRACTICE, LINK_WORKER, SELF, OTHER }

    /** FHIR administrative gender: its own codes are read in any case ({@code female}), answered in capitals. */
    public enum Gender {
        FEMALE, MALE, OTHER, UNKNOWN;

        @JsonCreator
        static Gender of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public enum ConditionKind { PHYSICAL, MENTAL }

    /** What the person wants from peer support (the four kinds of support in the ImROC model). */
    public enum SupportWanted { DAILY_MANAGEMENT, EMOTIONAL_SUPPORT, COMMUNITY_CONNECTION, ONGOING_SUPPORT }

    public enum ContactMethod { PHONE, TEXT, EMAIL, LETTER }

    public enum Urgency { ROUTINE, URGENT }

    public enum Channel { REST, FHIR }

    /** How the person's agreement to be referred reached us. */
    public enum ConsentSource { RECORDED_BY_REFERRER, SELF_REFERRAL, FHIR_CONSENT_RESOURCE, REFERRER_ATTESTATION }

    // named apart from NewReferral's, which carries the checks of what a referrer sends
    @Schema(name = "ReferralCondition")
    public record Condition(String snomedCode, String display, ConditionKind kind) {
    }

    /** What the person asks of a peer and of the support, in the one vocabulary of settings and media. */
    @Schema(name = "ReferralPreferences")
    public record Preferences(Gender peerGender, List<Setting> settings, List<Medium> media, Boolean sharedCondition,
            Boolean sharedCultureOrLanguage) {
    }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public ReferralStatus status;
    public OffsetDateTime receivedAt;
    public OffsetDateTime updatedAt;

    @Enumerated(EnumType.STRING)
    public ReferrerType referrerType;
    public String referrerOdsCode;
    /** The referring organisation's name as the referral carried it: not personal, so kept when the rest is erased. */
    public String referrerOrganisationName;
    public String referrerName;
    public String referrerPhone;
    public String referrerEmail;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String fhirIdentifier;
    /**
     * What a FHIR referrer sent that the fields here do not hold (identifiers, intent, priority, authoredOn,
     * occurrence, codes), as FHIR JSON of a ServiceRequest holding only those elements; returned as sent.
     */
    public String fhirRequest;

    public String nhsNumber;
    public String givenName;
    public String familyName;
    public LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    public Gender gender;
    public String postcode;
    public String phone;
    public String email;
    public String language;
    public boolean interpreterNeeded;
    @Enumerated(EnumType.STRING)
    public ContactMethod preferredContact;
    public String accessibilityNeeds;
    /** NHS ethnic category code ({@link EthnicCategory}), when the person wants it considered. */
    public String ethnicity;
    @Enumerated(EnumType.STRING)
    public Faith faith;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Condition> conditions;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<SupportWanted> supportWanted;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Preferences preferences;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Availability> availability;
    /** Tags of matching-service's vocabulary of experiences. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> experiences;
    public boolean consentPeerSupport;
    @Column(name = "consent_share_with_gp")
    public Boolean consentShareWithGp;
    public Boolean consentContact;
    @Enumerated(EnumType.STRING)
    public ConsentSource consentSource;
    public boolean safeguardingConcern;
    public String safeguardingDetails;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    public Integer imdDecile;
    public UUID matchedPeerId;
    /** Set by the contact log after the configured number of failed attempts in a row to reach the person. */
    public boolean unableToContact;
    /** The coded reason of the latest decline, withdrawal or close: what the referrer's Task shows. */
    public String statusReason;
    public UUID possibleDuplicateOf;
    public String idempotencyKey;
    /** When the person withdrew their consent to peer support; nothing more is done for them from then. */
    public OffsetDateTime consentWithdrawnAt;
    /** When identity and free text were erased at the end of the retention period. */
    public OffsetDateTime erasedAt;
    /** Kept at erasure in place of the birth date: the age band at receipt. */
    @Column(name = "age_band")
    public String erasedAgeBand;
    /** Kept at erasure in place of the postcode: its district. */
    @Column(name = "locality")
    public String erasedLocality;
    @Version
    public int version;

    /** For Hibernate. */
    protected Referral() {
    }

    /**
     * A referral as received, RECEIVED now: the person, their needs and consent as the request gives them, tidied
     * (the NHS number in its ten digits, names and reason stripped, the postcode in capitals, no choice twice).
     */
    public Referral(NewReferral request, String referrerOdsCode, Channel channel, String fhirIdentifier,
            ConsentSource consentSource, OffsetDateTime receivedAt) {
        NewReferral.Referrer referrer = request.referrer();
        NewReferral.Person person = request.person();
        NewReferral.Preferences preferences = request.preferences();
        NewReferral.Safeguarding safeguarding = request.safeguarding();
        id = UUID.randomUUID();
        status = ReferralStatus.RECEIVED;
        this.receivedAt = receivedAt;
        updatedAt = receivedAt;
        referrerType = referrer.type();
        this.referrerOdsCode = referrerOdsCode;
        referrerOrganisationName = referrer.organisationName() == null || referrer.organisationName().isBlank() ? null
                : referrer.organisationName().strip();
        referrerName = referrer.name();
        referrerPhone = referrer.phone();
        referrerEmail = referrer.email();
        this.channel = channel;
        this.fhirIdentifier = fhirIdentifier;
        person(person);
        reason = request.reason() == null ? null : request.reason().strip(); // FHIR referrals may carry none
        needs(request.conditions(), request.supportWanted(), preferences, request.availability(),
                request.experiences());
        consentPeerSupport = request.consent().peerSupport();
        consentShareWithGp = request.consent().shareWithGp();
        consentContact = request.consent().contact();
        this.consentSource = consentSource;
        safeguardingConcern = safeguarding != null && Boolean.TRUE.equals(safeguarding.concern());
        safeguardingDetails = safeguarding == null ? null : safeguarding.details();
        urgency = request.urgency() == null ? Urgency.ROUTINE : request.urgency();
        imdDecile = request.imdDecile();
    }

    /** Who the person is and how to reach them, tidied as at intake. */
    private void person(NewReferral.Person person) {
        nhsNumber = NhsNumber.normalise(person.nhsNumber());
        givenName = person.givenName().strip();
        familyName = person.familyName().strip();
        birthDate = person.birthDate();
        gender = person.gender();
        postcode = person.postcode() == null ? null : person.postcode().toUpperCase().strip();
        phone = person.phone();
        email = person.email();
        language = person.language();
        interpreterNeeded = Boolean.TRUE.equals(person.interpreterNeeded());
        preferredContact = person.preferredContact();
        accessibilityNeeds = person.accessibilityNeeds();
        ethnicity = person.ethnicity();
        faith = person.faith();
    }

    /** What the person lives with, wants and offers matching, each choice once. */
    private void needs(List<NewReferral.Condition> conditions, List<SupportWanted> supportWanted,
            NewReferral.Preferences preferences, List<Availability> availability, List<String> experiences) {
        this.conditions = conditions.stream()
                .map(c -> new Condition(c.snomedCode(), c.display().strip(), c.kind())).toList();
        this.supportWanted = distinct(supportWanted);
        this.preferences = preferences == null
                ? new Preferences(null, List.of(), List.of(), null, null)
                : new Preferences(preferences.peerGender(), distinct(preferences.settings()),
                        distinct(preferences.media()), preferences.sharedCondition(),
                        preferences.sharedCultureOrLanguage());
        this.availability = distinct(availability);
        this.experiences = distinct(experiences);
    }

    /**
     * Applies a correction already checked as at intake; as at intake, only a self-referral may be about someone
     * without an NHS number. Erased referrals have nothing left to correct (409).
     */
    void correct(Correction correction) {
        if (erasedAt != null) {
            throw ProblemException.conflict("referral-erased", "Referral " + id + " was erased at " + erasedAt
                    + " when its retention period ended; there is nothing left to correct");
        }
        if (correction.person().nhsNumber() == null && referrerType != ReferrerType.SELF) {
            throw ProblemException.invalid("person.nhsNumber", "is required unless the person refers themselves");
        }
        person(correction.person());
        needs(correction.conditions(), correction.supportWanted(), correction.preferences(),
                correction.availability(), correction.experiences());
    }

    /** The step of its history a correction adds: which fields changed, the status as it was. */
    StatusChange corrected(List<String> fields, String actor, OffsetDateTime at) {
        updatedAt = at;
        StatusChange step = StatusChange.step(id, status, status, "corrected " + String.join(", ", fields), actor,
                at);
        step.changedFields = fields;
        return step;
    }

    /** The first step of its history: who referred it and how, and the open referral it may duplicate. */
    public StatusChange receipt(String actor) {
        return StatusChange.step(id, null, ReferralStatus.RECEIVED, "referred by " + referrerType + " via " + channel
                + (possibleDuplicateOf == null ? "" : "; possible duplicate of " + possibleDuplicateOf), actor,
                receivedAt);
    }

    /** Moves to {@code target} if the lifecycle allows it (409 naming the statuses allowed next otherwise). */
    StatusChange moveTo(ReferralStatus target, String reason, String actor, OffsetDateTime at) {
        if (!status.canMoveTo(target)) {
            throw ProblemException.conflict("illegal-transition", "The referral is " + status
                    + "; it cannot become " + target + " (allowed next: " + status.next() + ")");
        }
        StatusChange step = StatusChange.step(id, status, target, reason, actor, at);
        status = target;
        updatedAt = at;
        return step;
    }

    /**
     * A decision that ends or stops the referral (declined, withdrawn, closed): its coded reason is what the
     * referrer's Task shows; the history keeps the note after it.
     */
    StatusChange decide(ReferralStatus target, Enum<?> reason, String note, String actor, OffsetDateTime at) {
        StatusChange step = moveTo(target, describe(reason, note), actor, at);
        statusReason = reason.name();
        return step;
    }

    /**
     * The person withdrew their consent to peer support: recorded once, whatever the status, and nothing is left
     * to withdraw once erased (409). An open referral is withdrawn; a closed or declined one keeps its status and
     * its history says consent went. Empty when it was recorded before.
     */
    Optional<StatusChange> withdrawConsent(String note, String actor, OffsetDateTime at) {
        if (erasedAt != null) {
            throw ProblemException.conflict("referral-erased", "Referral " + id + " was erased at " + erasedAt
                    + " when its retention period ended; there is nothing left to withdraw");
        }
        if (consentWithdrawnAt != null) {
            return Optional.empty();
        }
        consentWithdrawnAt = at;
        consentPeerSupport = false;
        Reasons.WithdrawReason reason = Reasons.WithdrawReason.CONSENT_WITHDRAWN;
        return Optional.of(status.isOpen() ? decide(ReferralStatus.WITHDRAWN, reason, note, actor, at)
                : StatusChange.step(id, status, status, describe(reason, note), actor, at));
    }

    /** The person chose a peer: remembered whatever the status; an ACCEPTED referral becomes MATCHED. */
    Optional<StatusChange> matched(UUID peerId, String actor, OffsetDateTime at) {
        matchedPeerId = peerId;
        return status == ReferralStatus.ACCEPTED
                ? Optional.of(moveTo(ReferralStatus.MATCHED, "matched with peer " + peerId, actor, at))
                : Optional.empty();
    }

    /** The first attended session makes a MATCHED referral ACTIVE. */
    Optional<StatusChange> firstSessionAttended(String actor, OffsetDateTime at) {
        return status == ReferralStatus.MATCHED
                ? Optional.of(moveTo(ReferralStatus.ACTIVE, "first session attended", actor, at))
                : Optional.empty();
    }

    /**
     * Erases who the person is at the end of the retention period, keeping what the counts need: status and dates,
     * referrer type and organisation, condition codes, gender, language, IMD decile, the age band at receipt and the
     * postcode district.
     */
    public void erase(OffsetDateTime at) {
        // what the counts need, worked out before the identity it comes from goes
        erasedAgeBand = ageBand(receivedAt.toLocalDate());
        erasedLocality = locality();
        nhsNumber = null;
        givenName = null;
        familyName = null;
        birthDate = null;
        postcode = null;
        phone = null;
        email = null;
        accessibilityNeeds = null;
        reason = null;
        safeguardingDetails = null;
        referrerName = null;
        referrerPhone = null;
        referrerEmail = null;
        fhirIdentifier = null;
        fhirRequest = null;
        idempotencyKey = null;
        // a condition without a code was typed in: its words go, its kind stays
        conditions = conditions.stream().map(c -> c.snomedCode() != null ? c : new Condition(null, null, c.kind()))
                .toList();
        // a link to another referral of the same person would identify this one through that one
        possibleDuplicateOf = null;
        erasedAt = at;
    }

    /** The values in order, each once; none when none were given. */
    static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }

    private static String describe(Enum<?> reason, String note) {
        return note == null || note.isBlank() ? reason.name() : reason.name() + ": " + note.strip();
    }

    /** Ten-year bands (16-24, 25-34 ... 75+): enough for matching and reporting, never the birth date. */
    public String ageBand(LocalDate today) {
        if (birthDate == null) {
            return erasedAgeBand;
        }
        int age = Period.between(birthDate, today).getYears();
        if (age < 16) return "0-15";
        if (age < 25) return "16-24";
        if (age >= 75) return "75+";
        int lower = (age - 25) / 10 * 10 + 25;
        return lower + "-" + (lower + 9);
    }

    /** The postcode district ("LS6" of "LS6 2AB"): a locality for in-person support, not an address. */
    public String locality() {
        if (postcode == null) {
            return erasedLocality;
        }
        String compact = postcode.replace(" ", "").toUpperCase();
        return compact.length() > 3 ? compact.substring(0, compact.length() - 3) : null;
    }
}
