package org.alongside.matching.proposals;

import static org.alongside.platform.events.Vocabulary.as;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.alongside.matching.vocabulary.Condition;
import org.alongside.matching.vocabulary.ConditionKind;
import org.alongside.matching.vocabulary.Gender;
import org.alongside.matching.vocabulary.Localities;
import org.alongside.matching.vocabulary.Medium;
import org.alongside.matching.vocabulary.Setting;
import org.alongside.matching.vocabulary.Slot;
import org.alongside.matching.vocabulary.SupportFormats;
import org.alongside.platform.events.referrals.ReferralAccepted;
import org.alongside.platform.events.referrals.ReferralAcceptedV2;
import org.alongside.platform.events.referrals.ReferralUpdated;
import org.alongside.platform.events.support.Faith;

/**
 * What the person brings to matching, as referral-service sends it ({@code referral.accepted} in either version,
 * {@code referral.updated}), in matching's vocabulary: every event carries the whole of it, so a referral's copy is
 * simply replaced. Codes only, never who the person is.
 */
record PersonNeeds(List<Condition> conditions, Gender peerGender, List<Setting> settings, List<Medium> media,
        Boolean sharedCondition, Boolean sharedCultureOrLanguage, String language, boolean interpreterNeeded,
        String locality, String culture, String ethnicity, Faith faith, List<Slot> availability,
        List<String> experiences) {

    /** Version 1: one list of formats and a self-described culture. */
    static PersonNeeds of(ReferralAccepted accepted) {
        ReferralAccepted.Preferences preferences = accepted.preferences();
        SupportFormats.Support support = SupportFormats.of(preferences == null ? null : preferences.formats());
        return new PersonNeeds(conditions(accepted.conditions()),
                preferences == null ? null : as(Gender.class, preferences.peerGender()), support.settings(),
                support.media(), preferences == null ? null : preferences.sharedCondition(),
                preferences == null ? null : preferences.sharedCultureOrLanguage(), accepted.language(),
                accepted.interpreterNeeded(), accepted.locality(), accepted.culture(), null, null,
                accepted.availability() == null ? List.of() : accepted.availability().stream()
                        .map(slot -> slot(slot.day(), slot.part())).toList(),
                accepted.experiences());
    }

    /** Version 2: settings and media, the NHS ethnic category and faith. */
    static PersonNeeds of(ReferralAcceptedV2 accepted) {
        return of(accepted.conditions(), accepted.preferences(), accepted.language(), accepted.interpreterNeeded(),
                accepted.locality(), accepted.ethnicity(), accepted.faith(), accepted.availability(),
                accepted.experiences());
    }

    static PersonNeeds of(ReferralUpdated updated) {
        return of(updated.conditions(), updated.preferences(), updated.language(), updated.interpreterNeeded(),
                updated.locality(), updated.ethnicity(), updated.faith(), updated.availability(),
                updated.experiences());
    }

    private static PersonNeeds of(List<org.alongside.platform.events.referrals.Condition> conditions,
            ReferralAcceptedV2.Preferences preferences, String language, boolean interpreterNeeded, String locality,
            String ethnicity, Faith faith, List<org.alongside.platform.events.support.Availability> availability,
            List<String> experiences) {
        return new PersonNeeds(conditions(conditions), as(Gender.class, preferences.peerGender()),
                preferences.settings().stream().map(s -> as(Setting.class, s)).toList(),
                preferences.media().stream().map(m -> as(Medium.class, m)).toList(), preferences.sharedCondition(),
                preferences.sharedCultureOrLanguage(), language, interpreterNeeded, locality, null, ethnicity, faith,
                availability.stream().map(a -> slot(a.day(), a.part())).toList(), experiences);
    }

    /** Replaces what the referral's copy holds with these needs. */
    void applyTo(Referral referral) {
        referral.conditions = conditions;
        referral.peerGender = peerGender;
        referral.settings = settings.stream().distinct().sorted().toList();
        referral.media = media.stream().distinct().sorted().toList();
        referral.sharedCondition = sharedCondition;
        referral.sharedCultureOrLanguage = sharedCultureOrLanguage;
        referral.language = language;
        referral.interpreterNeeded = interpreterNeeded;
        referral.locality = Localities.normalise(locality);
        referral.culture = culture == null || culture.isBlank() ? null : culture.strip();
        referral.ethnicity = ethnicity;
        referral.faith = faith;
        referral.availability = availability.stream().distinct().sorted(Slot.WEEK_ORDER).toList();
        referral.experiences = experiences == null ? List.of() : experiences.stream()
                .filter(tag -> tag != null && !tag.isBlank()).map(String::strip).distinct().toList();
    }

    private static List<Condition> conditions(
            Collection<org.alongside.platform.events.referrals.Condition> conditions) {
        return conditions.stream()
                .map(c -> new Condition(c.snomedCode(), c.display(), as(ConditionKind.class, c.kind()))).toList();
    }

    private static Slot slot(DayOfWeek day, Enum<?> part) {
        return new Slot(Objects.requireNonNull(day), as(Slot.PartOfDay.class, part));
    }
}
