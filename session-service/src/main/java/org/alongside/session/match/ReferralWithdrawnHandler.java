package org.alongside.session.match;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.platform.inbox.ReferralSubject;

/** The referral was withdrawn (the person or referrer asked): its match ends; history stays readable. */
@ApplicationScoped
public class ReferralWithdrawnHandler implements EventHandler {

    private final Matches matches;
    private final ObjectMapper mapper;

    ReferralWithdrawnHandler(Matches matches, ObjectMapper mapper) {
        this.matches = matches;
        this.mapper = mapper;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_WITHDRAWN;
    }

    @Override
    public void handle(EventEnvelope event) {
        InboundEvents.ReferralWithdrawn withdrawn = InboundEvents.read(mapper, event,
                InboundEvents.ReferralWithdrawn.class);
        matches.referralEnded(ReferralSubject.of(event), ReferralState.Ending.WITHDRAWN,
                withdrawn.reason(), InboundEvents.time(event, withdrawn.withdrawnAt(), "withdrawnAt"));
    }
}
