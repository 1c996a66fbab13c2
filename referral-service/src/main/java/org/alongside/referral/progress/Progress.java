package org.alongside.referral.progress;

import org.alongside.platform.inbox.PoisonEventException;
import org.alongside.platform.inbox.Received;
import org.alongside.referral.lifecycle.Referral;

/** Resolves the referral an event from another service is about. */
final class Progress {

    private Progress() {
    }

    static Referral referralOf(Received<?> event) {
        Referral referral = Referral.findById(event.referralId());
        if (referral == null) {
            throw new PoisonEventException("unknown referral " + event.referralId());
        }
        return referral;
    }
}
