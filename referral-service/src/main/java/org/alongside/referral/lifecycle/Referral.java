package org.alongside.referral.lifecycle;

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
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person's referral to peer support. The only place in Alongside that holds who the person is. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    public enum ReferrerType { GP_PRACTICE, LINK_WORKER, SELF, OTHER }

    /** FHIR administrative gender. */
    public enum Gender { FEMALE, MALE, OTHER, UNKNOWN }

    public enum ConditionKind { PHYSICAL, MENTAL }

    public enum SupportFormat { ONE_TO_ONE, GROUP, TELEPHONE, VIDEO, ONLINE }

    /** What the person wants from peer support (the four kinds of support in the ImROC model). */
    public enum SupportWanted { DAILY_MANAGEMENT, EMOTIONAL_SUPPORT, COMMUNITY_CONNECTION, ONGOING_SUPPORT }

    public enum ContactMethod { PHONE, TEXT, EMAIL, LETTER }

    public enum Urgency { ROUTINE, URGENT }

    public enum Channel { REST, FHIR }

    /** How the person's agreement to be referred reached us. */
    public enum ConsentSource { RECORDED_BY_REFERRER, SELF_REFERRAL, FHIR_CONSENT_RESOURCE, REFERRER_ATTESTATION }

    public record Condition(String snomedCode, String display, ConditionKind kind) {
    }

    public record Preferences(Gender peerGender, List<SupportFormat> formats, Boolean sharedCondition,
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

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Condition> conditions;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<SupportWanted> supportWanted;
    @JdbcTypeCode(SqlTypes.JSON)
    public Preferences preferences;
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
