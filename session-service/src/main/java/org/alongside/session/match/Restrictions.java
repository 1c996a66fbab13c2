package org.alongside.session.match;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.alongside.platform.problem.ProblemException;

/**
 * What the person's rights forbid recording. Checked after scope (out of scope stays 404), before anything is
 * written. The answer is 409, not 403: nothing is wrong with the caller's role, the person's record is in a state
 * that refuses the change (like an ended match), and the problem type says which.
 */
@ApplicationScoped
public class Restrictions {

    public static final String CONSENT_WITHDRAWN = "consent-withdrawn";
    public static final String REFERRAL_ERASED = "referral-erased";

    /** The 409 of an operation that checks {@link #requireMayRecord}, in its OpenAPI document. */
    public static final String MAY_NOT_RECORD = "nothing more can be recorded for the person: they withdrew their "
            + "consent (" + CONSENT_WITHDRAWN + ") or their records were erased (" + REFERRAL_ERASED + ")";

    /** The 409 of an operation that checks {@link #requireNotErased}, in its OpenAPI document. */
    public static final String ERASED = "the person's records were erased (" + REFERRAL_ERASED + ")";

    private final Matches matches;

    Restrictions(Matches matches) {
        this.matches = matches;
    }

    /**
     * Nothing new about the person (sessions, goals, progress, signposting, group attendance, corrections of
     * content) once they withdrew consent or their records were erased.
     */
    public void requireMayRecord(UUID referralId) {
        matches.referral(referralId).ifPresent(state -> {
            requireNotErased(state);
            if (state.consentWithdrawnAt != null) {
                throw ProblemException.conflict(CONSENT_WITHDRAWN, "The person withdrew their consent to peer "
                        + "support at " + state.consentWithdrawnAt + ": nothing more can be recorded for referral "
                        + referralId + ". A safeguarding concern can still be raised.");
            }
        });
    }

    /**
     * Only erasure stops a safeguarding concern or marking a mistaken record entered-in-error: the duty of care and
     * the accuracy of the record outlast consent.
     */
    public void requireNotErased(UUID referralId) {
        matches.referral(referralId).ifPresent(Restrictions::requireNotErased);
    }

    private static void requireNotErased(ReferralState state) {
        if (state.erasedAt != null) {
            throw ProblemException.conflict(REFERRAL_ERASED, "The records of referral " + state.referralId
                    + " were erased at " + state.erasedAt + " when their retention period ended; nothing can be "
                    + "added to them.");
        }
    }
}
