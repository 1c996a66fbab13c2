package org.alongside.referral.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;

/**
 * The referral lifecycle: the referral checks each change of status ({@link Referral#moveTo}); here it is kept in
 * the history, announced and published through the outbox, in the caller's transaction.
 */
@ApplicationScoped
public class Referrals {

    private final Outbox outbox;
    private final Event<ReferralStatusChanged> statusChanged;
    private final EntityManager entities;
    private final Clock clock;

    Referrals(Outbox outbox, Event<ReferralStatusChanged> statusChanged, EntityManager entities, Clock clock) {
        this.outbox = outbox;
        this.statusChanged = statusChanged;
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
        record(referral, referral.moveTo(ReferralStatus.ACCEPTED, null, caller.user(), now()));
        outbox.publish(ReferralEvents.accepted(referral, LocalDate.now(clock)));
        return referral;
    }

    @Transactional
    public Referral decline(UUID id, Reasons.Decline decline, Caller caller) {
        Referral referral = visibleTo(id, caller);
        record(referral, referral.decide(ReferralStatus.DECLINED, decline.reason(), decline.note(), caller.user(),
                now()));
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
        record(referral, referral.decide(ReferralStatus.WITHDRAWN, withdraw.reason(), withdraw.note(),
                caller.user(), now()));
        outbox.publish(ReferralEvents.withdrawn(referral, from));
        return referral;
    }

    @Transactional
    public Referral close(UUID id, Reasons.Close close, Caller caller) {
        Referral referral = visibleTo(id, caller);
        record(referral, referral.decide(ReferralStatus.CLOSED, close.reason(), close.note(), caller.user(), now()));
        outbox.publish(ReferralEvents.closed(referral));
        return referral;
    }

    /**
     * The person withdrew their consent to peer support (see {@link Referral#withdrawConsent}). An open referral's
     * withdrawal is published (referral.withdrawn, reason CONSENT_WITHDRAWN), which ends its match and its
     * matching; and referral.consent-withdrawn tells every service to record nothing more for the person, also
     * after closure (no follow-up measures). Asking again changes nothing and publishes nothing.
     */
    @Transactional
    public Referral withdrawConsent(UUID id, String note, Caller caller) {
        Referral referral = visibleTo(id, caller);
        Optional<StatusChange> withdrawal = referral.withdrawConsent(note, caller.user(), now());
        if (withdrawal.isEmpty()) {
            return referral;
        }
        StatusChange step = withdrawal.get();
        record(referral, step);
        if (step.changesStatus()) {
            outbox.publish(ReferralEvents.withdrawn(referral, step.fromStatus));
        }
        outbox.publish(ReferralEvents.consentWithdrawn(referral, step.fromStatus));
        return referral;
    }

    /** The person chose a peer (from matching-service's match.accepted). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matched(Referral referral, UUID peerId, String actor) {
        referral.matched(peerId, actor, now()).ifPresent(step -> record(referral, step));
    }

    /** The first attended session makes the support active. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void firstSessionAttended(Referral referral, String actor) {
        referral.firstSessionAttended(actor, now()).ifPresent(step -> record(referral, step));
    }

    /** Keeps the step in the history; a change of status is announced in this transaction (the referrer's feedback). */
    private void record(Referral referral, StatusChange step) {
        step.persist();
        if (step.changesStatus()) {
            statusChanged.fire(new ReferralStatusChanged(referral));
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
