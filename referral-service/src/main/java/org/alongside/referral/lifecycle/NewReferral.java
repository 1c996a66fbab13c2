package org.alongside.referral.lifecycle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.time.LocalDate;
import java.util.List;
import org.alongside.platform.events.support.Availability;
import org.alongside.platform.events.support.EthnicCategory;
import org.alongside.platform.events.support.Faith;
import org.alongside.platform.events.support.Medium;
import org.alongside.platform.events.support.Setting;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A referral as a referrer sends it: the PRSB social prescribing groups of demographics, needs and consent.
 * Every constraint applies to a referral typed in ({@link Complete}); a FHIR message may arrive without a coded
 * condition or a reason in words (a 111 or 999 referral rarely has them), which triage then finds out.
 */
@Schema(name = "NewReferral")
public record NewReferral(
        @NotNull @Valid Referrer referrer,
        @NotNull @Valid Person person,
        @NotNull @Size(max = 20, message = "must list between 1 and 20 conditions")
        @Size(min = 1, groups = Complete.class, message = "must list between 1 and 20 conditions") List<@NotNull @Valid Condition> conditions,
        @NotBlank(groups = Complete.class) @Size(max = 4000) @Schema(description = "Why peer support, in the person's own words") String reason,
        @Size(max = 4) @Schema(description = "What the person wants from peer support") List<Referral.@NotNull SupportWanted> supportWanted,
        @Valid Preferences preferences,
        @NotNull @Valid Consent consent,
        @Valid Safeguarding safeguarding,
        @Min(1) @Max(10) @Schema(description = "Index of Multiple Deprivation decile, 1 = most deprived") Integer imdDecile,
        @Schema(description = "ROUTINE unless the referrer says otherwise") Referral.Urgency urgency,
        @Size(max = 21) @Schema(description = "When in the week the person is free for support")
        List<@NotNull @Valid Availability> availability,
        @Size(max = 20) @Schema(description = "Life experiences the person would like a peer to share: tags of "
                + "matching-service's vocabulary (GET /taxonomy), e.g. caring-for-someone")
        List<@NotNull @Pattern(regexp = EXPERIENCE_TAG, message = "must be a lower-case tag such as caring-for-someone")
                String> experiences) {

    /** A tag of the shared vocabulary of experiences: lower-case words joined by hyphens. */
    public static final String EXPERIENCE_TAG = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /** The checks of a referral typed in through the REST API: the default ones and those a message may miss. */
    public interface Complete extends Default {
    }

    public record Referrer(
            @NotNull Referral.ReferrerType type,
            @OdsCode String odsCode,
            @Size(max = 200) @Schema(description = "The referring organisation's name: the GP practice, or the link "
                    + "worker's or other referrer's organisation (commissioners see it beside the ODS code)")
            String organisationName,
            @Size(max = 200) @Schema(description = "Who refers: the person's or the organisation's name") String name,
            @Pattern(regexp = "\\+?[0-9 ()-]{7,20}", message = "must be a phone number") String phone,
            @Email @Size(max = 254) String email) {
    }

    public record Person(
            @ValidNhsNumber @Schema(description = "Required unless the person refers themselves", example = "943 476 5919") String nhsNumber,
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @Past LocalDate birthDate,
            @Schema(description = "FHIR administrative-gender; its codes are accepted in any case (female, Female)")
            Referral.Gender gender,
            @Pattern(regexp = "(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}", message = "must be a UK postcode") String postcode,
            @Pattern(regexp = "\\+?[0-9 ()-]{7,20}", message = "must be a phone number") String phone,
            @Email @Size(max = 254) String email,
            Referral.ContactMethod preferredContact,
            @Size(max = 50) String language,
            Boolean interpreterNeeded,
            @Size(max = 2000) @Schema(description = "e.g. step-free access, large print, British Sign Language") String accessibilityNeeds,
            @Pattern(regexp = EthnicCategory.PATTERN, message = "must be an NHS ethnic category code (A-H, J-N, P, R, S, Z or 99)")
            @Schema(description = "NHS ethnic category code, when the person wants it considered") String ethnicity,
            @Schema(description = "Religion or belief (ONS 2021 Census categories), when the person wants it considered")
            Faith faith) {
    }

    public record Condition(
            @Pattern(regexp = "\\d{6,18}", message = "must be a SNOMED CT concept id (6-18 digits)") String snomedCode,
            @NotBlank @Size(max = 200) String display,
            @NotNull Referral.ConditionKind kind) {
    }

    public record Preferences(
            Referral.Gender peerGender,
            @Size(max = 2) @Schema(description = "Who meets: one to one, in a group") List<@NotNull Setting> settings,
            @Size(max = 4) @Schema(description = "Through what") List<@NotNull Medium> media,
            Boolean sharedCondition,
            Boolean sharedCultureOrLanguage) {
    }

    public record Consent(
            @NotNull @AssertTrue(message = "must be true: peer support needs the person's agreement to be referred") Boolean peerSupport,
            Boolean shareWithGp,
            @Schema(description = "The person agreed to be contacted by the service") Boolean contact) {
    }

    public record Safeguarding(
            @NotNull Boolean concern,
            @Size(max = 4000) @Schema(description = "What the service should know to keep the person and staff safe") String details) {
    }
}
