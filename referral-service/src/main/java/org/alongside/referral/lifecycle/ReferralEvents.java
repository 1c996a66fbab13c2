package org.alongside.referral.lifecycle;

import static org.alongside.platform.events.Vocabulary.as;

import java.time.LocalDate;
import java.util.List;
import org.alongside.platform.events.referrals.Condition;
import org.alongside.platform.events.referrals.ConditionKind;
import org.alongside.platform.events.referrals.Gender;
import org.alongside.platform.events.referrals.ReferralAcceptedV2;
import org.alongside.platform.events.referrals.ReferralClosed;
import org.alongside.platform.events.referrals.ReferralConsentWithdrawn;
import org.alongside.platform.events.referrals.ReferralDeclined;
import org.alongside.platform.events.referrals.ReferralErased;
import org.alongside.platform.events.referrals.ReferralReceived;
import org.alongside.platform.events.referrals.ReferralUpdated;
import org.alongside.platform.events.referrals.ReferralWithdrawn;
import org.alongside.platform.events.referrals.ReferrerType;

/**
 * The events this service publishes about a referral, in the contract's records (docs/events.md), made from the
 * referral as it is after the change they report. Pseudonymous by design: the referral id, codes, bands and
 * categories; never a name, NHS number, birth date, address or free text.
 */
public final class ReferralEvents {

    private ReferralEvents() {
    }

    public static ReferralReceived received(Referral referral, LocalDate today) {
        return new ReferralReceived(referral.id, as(ReferrerType.class, referral.referrerType),
                referral.referrerOdsCode, referral.referrerOrganisationName, conditions(referral),
                referral.ageBand(today),
                as(Gender.class, referral.gender), referral.imdDecile, referral.receivedAt);
    }

    /** Everything matching needs to propose peers, and equity reporting to break figures down by. */
    static ReferralAcceptedV2 accepted(Referral referral, LocalDate today) {
        return new ReferralAcceptedV2(referral.id, conditions(referral), preferences(referral), referral.language,
                referral.interpreterNeeded, referral.ageBand(today), as(Gender.class, referral.gender),
                referral.locality(), referral.imdDecile, referral.ethnicity, referral.faith,
                Referral.distinct(referral.availability), Referral.distinct(referral.experiences),
                referral.receivedAt, referral.updatedAt);
    }

    /** A correction to what matching or reporting uses: the whole current state of it, never identity. */
    static ReferralUpdated updated(Referral referral, LocalDate today) {
        return new ReferralUpdated(referral.id, conditions(referral), preferences(referral), referral.language,
                referral.interpreterNeeded, referral.ageBand(today), as(Gender.class, referral.gender),
                referral.locality(), referral.imdDecile, referral.ethnicity, referral.faith,
                Referral.distinct(referral.availability), Referral.distinct(referral.experiences),
                referral.updatedAt);
    }

    private static ReferralAcceptedV2.Preferences preferences(Referral referral) {
        Referral.Preferences wanted = referral.preferences;
        return wanted == null ? new ReferralAcceptedV2.Preferences(null, List.of(), List.of(), null, null)
                : new ReferralAcceptedV2.Preferences(as(Gender.class, wanted.peerGender()),
                        Referral.distinct(wanted.settings()), Referral.distinct(wanted.media()),
                        wanted.sharedCondition(), wanted.sharedCultureOrLanguage());
    }

    /** The coded reason only: the note stays here. */
    static ReferralDeclined declined(Referral referral) {
        return new ReferralDeclined(referral.id, referral.statusReason, referral.updatedAt);
    }

    static ReferralWithdrawn withdrawn(Referral referral, ReferralStatus from) {
        return new ReferralWithdrawn(referral.id, referral.statusReason,
                status(from), referral.updatedAt);
    }

    static ReferralClosed closed(Referral referral) {
        return new ReferralClosed(referral.id, referral.statusReason, referral.updatedAt);
    }

    /** The person withdrew their consent: every service stops processing their records. */
    static ReferralConsentWithdrawn consentWithdrawn(Referral referral, ReferralStatus from) {
        return new ReferralConsentWithdrawn(referral.id,
                status(from), referral.consentWithdrawnAt);
    }

    /** The retention period ended: identity and free text are gone here; the others erase their free text. */
    public static ReferralErased erased(Referral referral) {
        return new ReferralErased(referral.id, status(referral.status), referral.updatedAt, referral.erasedAt);
    }

    private static org.alongside.platform.events.referrals.ReferralStatus status(ReferralStatus status) {
        return as(org.alongside.platform.events.referrals.ReferralStatus.class, status);
    }

    private static List<Condition> conditions(Referral referral) {
        return referral.conditions == null ? null : referral.conditions.stream()
                .map(c -> new Condition(c.snomedCode(), c.display(), as(ConditionKind.class, c.kind()))).toList();
    }
}
