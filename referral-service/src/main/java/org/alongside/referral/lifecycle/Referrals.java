package org.alongside.referral.lifecycle;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;

/** The referral lifecycle: every change of status is checked, kept in history and published through the outbox. */
@ApplicationScoped
public class Referrals {

    private final Outbox outbox;
    private final Clock clock;

    Referrals(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The referral if the caller may see it; out of scope is indistinguishable from absent (404). */
    public Referral visibleTo(UUID id, Caller caller) {
        Referral referral = Referral.findById(id);
        if (referral == null || !inScope(referral, caller)) {
            throw ProblemException.notFound("Referral", id);
        }
        return referral;
    }

    static boolean inScope(Referral referral, Caller caller) {
        if (caller.is(Roles.COORDINATOR) || caller.is(Roles.ADMIN)) {
            return true;
        }
        if (caller.is(Roles.REFERRER)) {
            return caller.odsCode().map(ods -> ods.equalsIgnoreCase(referral.referrerOdsCode)).orElse(false);
        }
        if (caller.is(Roles.PEER_WORKER)) {
            return caller.peerId().map(peer -> peer.equals(referral.matchedPeerId)).orElse(false);
        }
        return false;
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public Page<Referral> list(Optional<ReferralStatus> status, Caller caller, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        status.ifPresent(s -> {
            query.append(" and status = :status");
            params.put("status", s);
        });
        if (!(caller.is(Roles.COORDINATOR) || caller.is(Roles.ADMIN))) {
            // referrers see their organisation's referrals; the resource admits no other role
            query.append(" and referrerOdsCode = :ods");
            params.put("ods", caller.odsCode().orElse("\u0000"));
        }
        var found = Referral.<Referral>find(query.toString(), Sort.ascending("receivedAt", "id"), params)
                .page(io.quarkus.panache.common.Page.of(page, size));
        return new Page<>(found.list(), page, size, found.count());
    }

    @Transactional
    public Referral accept(UUID id, Caller caller) {
        Referral referral = visibleTo(id, caller);
        move(referral, ReferralStatus.ACCEPTED, null, caller.user());
        outbox.publish(EventTypes.REFERRAL_ACCEPTED, referral.id, new ReferralEvents.Accepted(referral.id,
                referral.conditions, referral.preferences, referral.language, referral.interpreterNeeded,
                referral.ageBand(LocalDate.now(clock)), referral.gender, referral.locality(), referral.imdDecile,
                referral.receivedAt, referral.updatedAt));
        return referral;
    }

    @Transactional
    public Referral decline(UUID id, Reasons.Decline decline, Caller caller) {
        Referral referral = visibleTo(id, caller);
        move(referral, ReferralStatus.DECLINED, describe(decline.reason(), decline.note()), caller.user());
        outbox.publish(EventTypes.REFERRAL_DECLINED, referral.id,
                new ReferralEvents.Declined(referral.id, decline.reason().name(), referral.updatedAt));
        return referral;
    }

    @Transactional
    public Referral withdraw(UUID id, Reasons.Withdraw withdraw, Caller caller) {
        Referral referral = visibleTo(id, caller);
        ReferralStatus from = referral.status;
        move(referral, ReferralStatus.WITHDRAWN, describe(withdraw.reason(), withdraw.note()), caller.user());
        outbox.publish(EventTypes.REFERRAL_WITHDRAWN, referral.id,
                new ReferralEvents.Withdrawn(referral.id, withdraw.reason().name(), from, referral.updatedAt));
        return referral;
    }

    @Transactional
    public Referral close(UUID id, Reasons.Close close, Caller caller) {
        Referral referral = visibleTo(id, caller);
        move(referral, ReferralStatus.CLOSED, describe(close.reason(), close.note()), caller.user());
        outbox.publish(EventTypes.REFERRAL_CLOSED, referral.id,
                new ReferralEvents.Closed(referral.id, close.reason().name(), referral.updatedAt));
        return referral;
    }

    /** The person chose a peer (from matching-service's match.accepted). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matched(Referral referral, UUID peerId, String actor) {
        referral.matchedPeerId = peerId;
        if (referral.status == ReferralStatus.ACCEPTED) {
            move(referral, ReferralStatus.MATCHED, "matched with peer " + peerId, actor);
        }
    }

    /** The first attended session makes the support active. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void firstSessionAttended(Referral referral, String actor) {
        if (referral.status == ReferralStatus.MATCHED) {
            move(referral, ReferralStatus.ACTIVE, "first session attended", actor);
        }
    }

    void move(Referral referral, ReferralStatus target, String reason, String actor) {
        if (!referral.status.canMoveTo(target)) {
            throw ProblemException.conflict("illegal-transition", "The referral is " + referral.status
                    + "; it cannot become " + target + " (allowed next: " + referral.status.next() + ")");
        }
        StatusChange change = new StatusChange();
        change.referralId = referral.id;
        change.fromStatus = referral.status;
        change.toStatus = target;
        change.reason = reason;
        change.actor = actor;
        change.changedAt = OffsetDateTime.now(clock);
        change.persist();
        referral.status = target;
        referral.updatedAt = change.changedAt;
    }

    private static String describe(Enum<?> reason, String note) {
        return note == null || note.isBlank() ? reason.name() : reason.name() + ": " + note.strip();
    }
}
