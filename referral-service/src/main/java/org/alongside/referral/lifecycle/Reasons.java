package org.alongside.referral.lifecycle;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Coded reasons for the decisions that end or stop a referral; a free-text note may add detail. */
public final class Reasons {

    private Reasons() {
    }

    public enum DeclineReason { NOT_ELIGIBLE, NEEDS_OTHER_SERVICE, PERSON_DECLINED, UNABLE_TO_CONTACT, OTHER }

    @Schema(description = """
            PERSON_REQUEST: the person asked to stop. REFERRER_REQUEST, DUPLICATE, OTHER. CONSENT_WITHDRAWN: the person \
            withdrew their consent to peer support: as POST /referrals/{id}/consent-withdrawal, nothing more is done \
            for them in any service.""")
    public enum WithdrawReason { PERSON_REQUEST, REFERRER_REQUEST, DUPLICATE, OTHER, CONSENT_WITHDRAWN }

    @Schema(description = """
            GOALS_MET: the person reached what they wanted from support. SUPPORT_NO_LONGER_WANTED: the person chose
            to stop. NOT_ENGAGING: repeated non-attendance. UNABLE_TO_CONTACT: repeated attempts to reach the person \
            failed (the contact log). MOVED_AWAY, TRANSFERRED (to another service), DIED, OTHER.""")
    public enum CloseReason {
        GOALS_MET, SUPPORT_NO_LONGER_WANTED, NOT_ENGAGING, UNABLE_TO_CONTACT, MOVED_AWAY, TRANSFERRED, DIED, OTHER
    }

    public record Decline(@NotNull DeclineReason reason, @Size(max = 2000) String note) {
    }

    public record Withdraw(@NotNull WithdrawReason reason, @Size(max = 2000) String note) {
    }

    public record Close(@NotNull CloseReason reason, @Size(max = 2000) String note) {
    }

    @Schema(name = "ConsentWithdrawal")
    public record ConsentWithdrawal(
            @Size(max = 2000) @Schema(description = "How the withdrawal reached us (kept in the history, erased with "
                    + "the referral)") String note) {
    }
}
