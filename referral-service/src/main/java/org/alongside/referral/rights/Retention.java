package org.alongside.referral.rights;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.alongside.platform.audit.AuditTrail;
import org.alongside.platform.outbox.Outbox;
import org.alongside.referral.lifecycle.Referral;
import org.alongside.referral.lifecycle.ReferralEvents;
import org.alongside.referral.lifecycle.ReferralStatus;
import org.alongside.referral.summary.Summaries;
import org.jboss.logging.Logger;

/**
 * Erases a person's identity once their referral ended (closed, declined or withdrawn) longer ago than the retention
 * period, and tells the other services (referral.erased) to erase their free text. What the counts need stays:
 * status and dates, referrer type and organisation, condition codes, gender, language, IMD decile, the age band at
 * receipt and the postcode district. Each referral is erased in its own transaction with its event, once.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    /** Where the retention clock starts: the referral's final status. */
    static final Set<ReferralStatus> ENDED = EnumSet.of(ReferralStatus.CLOSED, ReferralStatus.DECLINED,
            ReferralStatus.WITHDRAWN);

    public record Sweep(OffsetDateTime ranAt, String retentionPeriod, OffsetDateTime endedBefore,
            List<UUID> erased) {
    }

    private final Outbox outbox;
    private final AuditTrail audit;
    private final EntityManager entities;
    private final Summaries summaries;
    private final Clock clock;
    private final TemporalAmount period;
    private final int batchSize;

    Retention(Outbox outbox, AuditTrail audit, EntityManager entities, Summaries summaries, Clock clock,
            RetentionConfig config) {
        this.outbox = outbox;
        this.audit = audit;
        this.entities = entities;
        this.summaries = summaries;
        this.clock = clock;
        this.period = config.period();
        this.batchSize = config.batchSize();
    }

    /** Erases every referral whose retention period has run out; returns which. */
    public Sweep sweep(String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime endedBefore = now.minus(period);
        List<UUID> erased = new ArrayList<>();
        List<UUID> due;
        int before;
        do {
            before = erased.size();
            due = QuarkusTransaction.requiringNew().call(() -> due(endedBefore));
            for (UUID id : due) {
                if (QuarkusTransaction.requiringNew().call(() -> erase(id, endedBefore, actor))) {
                    erased.add(id);
                }
            }
            // a full batch means more may be due; a batch erasing nothing (another instance raced) ends the sweep
        } while (due.size() == batchSize && erased.size() > before);
        if (!erased.isEmpty()) {
            LOG.infof("Retention sweep erased %d referral(s) that ended before %s", erased.size(), endedBefore);
        }
        return new Sweep(now, period.toString(), endedBefore, erased);
    }

    @SuppressWarnings("unchecked")
    private List<UUID> due(OffsetDateTime endedBefore) {
        return entities.createNativeQuery("""
                        SELECT id FROM referral
                        WHERE erased_at IS NULL AND status IN ('CLOSED', 'DECLINED', 'WITHDRAWN') AND updated_at < ?1
                        ORDER BY updated_at, id LIMIT ?2""", UUID.class)
                .setParameter(1, endedBefore).setParameter(2, batchSize).getResultList();
    }

    /** Erases one referral, checking again under its lock that it is due; false when it no longer is. */
    boolean erase(UUID id, OffsetDateTime endedBefore, String actor) {
        Referral referral = entities.find(Referral.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (referral == null || referral.erasedAt != null || !ENDED.contains(referral.status)
                || !referral.updatedAt.isBefore(endedBefore)) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        referral.erase(now);
        entities.flush();
        entities.createNativeQuery("UPDATE referral SET possible_duplicate_of = NULL WHERE possible_duplicate_of = ?1")
                .setParameter(1, id).executeUpdate();
        // the history keeps who and when and the coded reason; the notes after it go
        entities.createNativeQuery("""
                        UPDATE referral_status_change SET reason = split_part(split_part(reason, ':', 1), ';', 1)
                        WHERE referral_id = ?1 AND reason IS NOT NULL""")
                .setParameter(1, id).executeUpdate();
        entities.createNativeQuery("UPDATE contact_attempt SET note = NULL WHERE referral_id = ?1")
                .setParameter(1, id).executeUpdate();
        // the end-of-support summary holds the person's goals in their own words
        summaries.erase(id);
        outbox.publish(ReferralEvents.erased(referral));
        audit.record(actor, "ERASE", "RETENTION referral erased (ended " + referral.updatedAt + ")", id, List.of());
        return true;
    }
}
