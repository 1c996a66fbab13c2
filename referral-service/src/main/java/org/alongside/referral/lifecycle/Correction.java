package org.alongside.referral.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.alongside.platform.events.support.Availability;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The parts of a referral a coordinator may correct (PATCH /referrals/{id}, a JSON Merge Patch of this document):
 * the person's details and contact preferences, conditions, needs and preferences, checked exactly as at intake.
 * Who referred, consent, safeguarding and the lifecycle are not corrections: they have their own actions.
 */
@Schema(name = "ReferralCorrection", description = """
        The parts of a referral a coordinator may correct. PATCH /referrals/{id} takes a JSON Merge Patch of them \
        (ReferralCorrectionPatch); the result must be a valid ReferralCorrection, checked as a referral is at \
        intake.""")
public record Correction(
        @NotNull @Valid NewReferral.Person person,
        @NotNull @Size(max = 20, message = "must list between 1 and 20 conditions")
        @Size(min = 1, groups = NewReferral.Complete.class, message = "must list between 1 and 20 conditions")
        List<NewReferral.@NotNull @Valid Condition> conditions,
        @Size(max = 4) List<Referral.@NotNull SupportWanted> supportWanted,
        @Valid NewReferral.Preferences preferences,
        @Size(max = 21) List<@NotNull @Valid Availability> availability,
        @Size(max = 20) List<@NotNull @Pattern(regexp = NewReferral.EXPERIENCE_TAG,
                message = "must be a lower-case tag such as caring-for-someone") String> experiences) {

    /** The top-level fields a patch may name. */
    static final Set<String> FIELDS = Set.of("person", "conditions", "supportWanted", "preferences", "availability",
            "experiences");

    /** Fields merged one by one, so the history names which of theirs changed. */
    private static final Set<String> OBJECTS = Set.of("person", "preferences");

    /** The referral's correctable parts as they stand. */
    static Correction of(Referral r) {
        Referral.Preferences p = r.preferences;
        return new Correction(
                new NewReferral.Person(r.nhsNumber, r.givenName, r.familyName, r.birthDate, r.gender, r.postcode,
                        r.phone, r.email, r.preferredContact, r.language, r.interpreterNeeded, r.accessibilityNeeds,
                        r.ethnicity, r.faith),
                r.conditions.stream().map(c -> new NewReferral.Condition(c.snomedCode(), c.display(), c.kind()))
                        .toList(),
                r.supportWanted,
                p == null ? null : new NewReferral.Preferences(p.peerGender(), p.settings(), p.media(),
                        p.sharedCondition(), p.sharedCultureOrLanguage()),
                r.availability, r.experiences);
    }

    /** The fields that differ between two versions of this document: person.phone, conditions... in order. */
    static List<String> differences(JsonNode before, JsonNode after) {
        Set<String> changed = new TreeSet<>();
        for (String field : FIELDS) {
            JsonNode was = before.path(field);
            JsonNode is = after.path(field);
            if (was.equals(is)) {
                continue;
            }
            if (OBJECTS.contains(field) && (was.isObject() || is.isObject())) {
                Set<String> names = new TreeSet<>();
                was.fieldNames().forEachRemaining(names::add);
                is.fieldNames().forEachRemaining(names::add);
                names.stream().filter(name -> !was.path(name).equals(is.path(name)))
                        .forEach(name -> changed.add(field + "." + name));
            } else {
                changed.add(field);
            }
        }
        return new ArrayList<>(changed);
    }

    /** Whether matching or reporting uses this field, so that correcting it is published (referral.updated). */
    static boolean sharedWithOtherServices(String field) {
        if (field.equals("supportWanted")) {
            return false;
        }
        return !field.startsWith("person.") || Set.of("person.birthDate", "person.gender", "person.postcode",
                "person.language", "person.interpreterNeeded", "person.ethnicity", "person.faith").contains(field);
    }
}
