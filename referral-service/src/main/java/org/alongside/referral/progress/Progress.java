package org.alongside.referral.progress;

import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.inbox.PoisonEventException;
import org.alongside.platform.inbox.ReferralSubject;
import org.alongside.referral.lifecycle.Referral;

/** Resolves the referral an event from another service is about. */
final class Progress {

    private Progress() {
    }

    static Referral referralOf(EventEnvelope event) {
        UUID id = ReferralSubject.of(event);
        Referral referral = Referral.findById(id);
        if (referral == null) {
            throw new PoisonEventException("unknown referral " + id);
        }
        return referral;
    }
}
