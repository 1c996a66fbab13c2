package org.alongside.referral.safeguarding;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.events.Topics;
import org.alongside.platform.events.sessions.SafeguardingClosed;
import org.alongside.platform.events.sessions.SafeguardingRaised;
import org.alongside.platform.events.sessions.SafeguardingRaisedV2;
import org.alongside.platform.inbox.EventHandlers;
import org.alongside.platform.inbox.EventSubscriber;
import org.alongside.platform.inbox.Received;
import org.alongside.referral.lifecycle.SafeguardingAccess;

/**
 * Safeguarding concerns from session-service: while one is open, the supervisor it names may see who is at risk and
 * how to reach them (GET /referrals/{id}); once it is closed, no longer. Version 1 of safeguarding.raised names no
 * supervisor, so it opens no one's access.
 */
@ApplicationScoped
public class SafeguardingEvents implements EventSubscriber, SafeguardingAccess {

    @Override
    public EventHandlers handlers() {
        return EventHandlers.forStream(Topics.SESSIONS)
                .on(SafeguardingRaised.class, this::raisedWithoutSupervisor)
                .on(SafeguardingRaisedV2.class, this::raised)
                .on(SafeguardingClosed.class, this::closed)
                .build();
    }

    void raisedWithoutSupervisor(Received<SafeguardingRaised> event) {
        SafeguardingRaised concern = event.data();
        open(concern.concernId(), concern.referralId(), null, concern.raisedAt());
    }

    void raised(Received<SafeguardingRaisedV2> event) {
        SafeguardingRaisedV2 concern = event.data();
        open(concern.concernId(), concern.referralId(), concern.supervisor(), concern.raisedAt());
    }

    /** Closed: access ends. A close read before its raise (another partition's order) is kept, already closed. */
    void closed(Received<SafeguardingClosed> event) {
        SafeguardingClosed closed = event.data();
        OpenConcern concern = OpenConcern.findById(closed.concernId());
        if (concern == null) {
            concern = new OpenConcern();
            concern.concernId = closed.concernId();
            concern.referralId = closed.referralId();
            concern.persist();
        }
        concern.closedAt = closed.closedAt();
    }

    private static void open(UUID concernId, UUID referralId, String supervisor, OffsetDateTime raisedAt) {
        if (referralId == null) {
            return; // about no referral: no one's identity to see
        }
        OpenConcern concern = OpenConcern.findById(concernId);
        if (concern == null) {
            concern = new OpenConcern();
            concern.concernId = concernId;
            concern.persist();
        }
        concern.referralId = referralId;
        concern.supervisor = supervisor;
        concern.raisedAt = raisedAt;
    }

    @Override
    public Optional<UUID> openConcern(UUID referralId, String supervisor) {
        return OpenConcern.<OpenConcern>find("referralId = ?1 and supervisor = ?2 and closedAt is null "
                + "order by raisedAt", referralId, supervisor).firstResultOptional().map(c -> c.concernId);
    }
}
