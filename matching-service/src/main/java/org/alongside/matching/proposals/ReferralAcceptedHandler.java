package org.alongside.matching.proposals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.inbox.EventHandler;
import org.alongside.platform.inbox.PoisonEventException;
import org.alongside.platform.inbox.ReferralSubject;

/** A referral was triaged in: it is ready to be matched with a peer. */
@ApplicationScoped
public class ReferralAcceptedHandler implements EventHandler {

    private final Shortlists shortlists;
    private final ObjectMapper mapper;

    ReferralAcceptedHandler(Shortlists shortlists, ObjectMapper mapper) {
        this.shortlists = shortlists;
        this.mapper = mapper;
    }

    @Override
    public String eventType() {
        return EventTypes.REFERRAL_ACCEPTED;
    }

    @Override
    public void handle(EventEnvelope event) {
        UUID referralId = ReferralSubject.of(event);
        ReferralAccepted accepted;
        try {
            accepted = mapper.treeToValue(event.data(), ReferralAccepted.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("unreadable referral.accepted data: " + e.getMessage(), e);
        }
        if (accepted.conditions() == null || accepted.conditions().stream()
                .anyMatch(c -> c == null || c.kind() == null || c.display() == null)) {
            throw new PoisonEventException("referral.accepted must list conditions, each with a display and a kind");
        }
        if (accepted.availability() != null && accepted.availability().stream()
                .anyMatch(s -> s == null || s.day() == null || s.part() == null)) {
            throw new PoisonEventException("referral.accepted availability slots need a day and a part of the day");
        }
        shortlists.propose(referralId, accepted, event.time());
    }
}
