package org.alongside.referral.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.alongside.referral.feedback.ReferrerFeedback;

/** The referral lifecycle: every change of status is checked, kept in history and published through the outbox. */
@ApplicationScoped
public class Referrals {

    private final Outbox outbox;
    private final ReferrerFeedback feedback;
    private final EntityManager entities;
    private final Clock clock;

    Referrals(Outbox outbox, ReferrerFeedback feedback, EntityManager entities, Clock clock) {
        this.outbox = outbox;
        this.feedback = feedback;
        this.entities = entities;
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
            // their own clients: matched to them, and only while the support lasts
            return (referral.status == ReferralStatus.MATCHED || referral.status == ReferralStatus.ACTIVE)
                    && caller.peerId().map(peer -> peer.equals(referral.matchedPeerId)).orElse(false);
        }
        return false;
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    /** Worklist filters; every one optional. */
    public record Filter(ReferralStatus status, String odsCode, String snomedCode, LocalDate receivedFrom,
            LocalDate receivedTo) {
    }

    /** The worklist, longest waiting first (or newest first), within what the caller may see. */
    @SuppressWarnings("unchecked")
    public Page<Referral> list(Filter filter, boolean newestFirst, Caller caller, int page, int size) {
        StringBuilder where = new StringBuilder("TRUE");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        String ods = filter.odsCode();
        if (!(caller.is(Roles.COORDINATOR) || caller.is(Roles.ADMIN))) {
            // referrers see their own organisation's referrals whatever they ask for
            ods = caller.odsCode().orElse("-");
        }
        if (ods != null) {
            where.append(" AND referrer_ods_code = :ods");
            params.put("ods", ods.toUpperCase());
        }
        if (filter.snomedCode() != null) {
            where.append(" AND conditions @> CAST(:condition AS jsonb)");
            params.put("condition", "[{\"snomedCode\": \"" + filter.snomedCode().replaceAll("\\D", "") + "\"}]");
        }
        if (filter.receivedFrom() != null) {
            where.append(" AND received_at >= :from");
            params.put("from", filter.receivedFrom().atStartOfDay(ZoneOffset.UTC).toOffsetDateTime());
        }
        if (filter.receivedTo() != null) {
            where.append(" AND received_at < :to");
            params.put("to", filter.receivedTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime());
        }
        var items = entities.createNativeQuery("SELECT * FROM referral WHERE " + where + " ORDER BY received_at "
                + (newestFirst ? "DESC" : "ASC") + ", id LIMIT :limit OFFSET :offset", Referral.class);
        var count = entities.createNativeQuery("SELECT count(*) FROM referral WHERE " + where, Long.class);
        params.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        items.setParameter("limit", size).setParameter("offset", (long) page * size);
        return new Page<>(items.getResultList(), page, size, ((Number) count.getSingleResult()).longValue());
    }

    @Transactional
    public Referral accept(UUID id, Caller caller) {
        Referral referral = visibleTo(id, caller);
        move(referral, ReferralStatus.ACCEPTED, null, caller.user());
        outbox.publish(ReferralEvents.accepted(referral, LocalDate.now(clock)));
        return referral;
    }

    @Transactional
    public Referral decline(UUID id, Reasons.Decline decline, Caller caller) {
        Referral referral = visibleTo(id, caller);
        referral.statusReason = decline.reason().name();
        move(referral, ReferralStatus.DECLINED, describe(decline.reason(), decline.note()), caller.user());
        outbox.publish(ReferralEvents.declined(referral));
        return referral;
    }

    @Transactional
    public Referral withdraw(UUID id, Reasons.Withdraw withdraw, Caller caller) {
        if (withdraw.reason() == Reasons.WithdrawReason.CONSENT_WITHDRAWN) {
            return withdrawConsent(id, withdraw.note(), caller);
        }
        Referral referral = visibleTo(id, caller);
        ReferralStatus from = referral.status;
        referral.statusReason = withdraw.reason().name();
        move(referral, ReferralStatus.WITHDRAWN, describe(withdraw.reason(), withdraw.note()), caller.user());
        outbox.publish(ReferralEvents.withdrawn(referral, from));
        return referral;
    }

    @Transactional
    public Referral close(UUID id, Reasons.Close close, Caller caller) {
        Referral referral = visibleTo(id, caller);
        referral.statusReason = close.reason().name();
        move(referral, ReferralStatus.CLOSED, describe(close.reason(), close.note()), caller.user());
        outbox.publish(ReferralEvents.closed(referral));
        return referral;
    }

    /**
     * The person withdrew their consent to peer support: recorded whatever the referral's status. An open referral
     * is withdrawn (referral.withdrawn, reason CONSENT_WITHDRAWN), which ends its match and its matching; and
     * referral.consent-withdrawn tells every service to record nothing more for the person, also after closure
     * (no follow-up measures). Recorded once: asking again changes nothing and publishes nothing.
     */
    @Transactional
    public Referral withdrawConsent(UUID id, String note, Caller caller) {
        Referral referral = visibleTo(id, caller);
        if (referral.erasedAt != null) {
            throw ProblemException.conflict("referral-erased", "Referral " + id + " was erased at "
                    + referral.erasedAt + " when its retention period ended; there is nothing left to withdraw");
        }
        if (referral.consentWithdrawnAt != null) {
            return referral;
        }
        ReferralStatus from = referral.status;
        OffsetDateTime now = OffsetDateTime.now(clock);
        referral.consentWithdrawnAt = now;
        referral.consentPeerSupport = false;
        String why = describe(Reasons.WithdrawReason.CONSENT_WITHDRAWN, note);
        if (from.isOpen()) {
            referral.statusReason = Reasons.WithdrawReason.CONSENT_WITHDRAWN.name();
            move(referral, ReferralStatus.WITHDRAWN, why, caller.user());
            outbox.publish(ReferralEvents.withdrawn(referral, from));
        } else {
            // the status stays (a closed referral stays closed); the history says consent went
            StatusChange change = new StatusChange();
            change.referralId = referral.id;
            change.fromStatus = from;
            change.toStatus = from;
            change.reason = why;
            change.actor = caller.user();
            change.changedAt = now;
            change.persist();
        }
        outbox.publish(ReferralEvents.consentWithdrawn(referral, from));
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
        feedback.statusChanged(referral);
    }

    private static String describe(Enum<?> reason, String note) {
        return note == null || note.isBlank() ? reason.name() : reason.name() + ": " + note.strip();
    }
}
