package org.alongside.referral.progress;

import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.inbox.PoisonEventException;
import org.alongside.referral.lifecycle.Referral;

/** Resolves the referral an event from another service is about. */
final class Progress {

    private Progress() {
    }

    static Referral referralOf(EventEnvelope event) {
        UUID id;
        try {
            id = UUID.fromString(event.subject());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("subject is not a referral id: " + event.subject());
        }
        Referral referral = Referral.findById(id);
        if (referral == null) {
            throw new PoisonEventException("unknown referral " + id);
        }
        return referral;
    }
}
