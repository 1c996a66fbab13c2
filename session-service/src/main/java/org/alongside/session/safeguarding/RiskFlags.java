package org.alongside.session.safeguarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.alongside.platform.problem.ProblemException;
import org.alongside.session.access.Access;
import org.alongside.session.alert.Alerts;
import org.alongside.session.alert.AlertsConfig;
import org.alongside.session.match.Matches;
import org.jboss.logging.Logger;

/** Risk flags: recorded once from risk.flagged, alerted at once, acknowledged and closed on the worklist. */
@ApplicationScoped
public class RiskFlags {

    private static final Logger LOG = Logger.getLogger(RiskFlags.class);

    private final Matches matches;
    private final Alerts alerts;
    private final AlertsConfig config;
    private final Clock clock;

    RiskFlags(Matches matches, Alerts alerts, AlertsConfig config, Clock clock) {
        this.matches = matches;
        this.alerts = alerts;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void flagged(UUID referralId, UUID measurementId, String instrument, int item, OffsetDateTime raisedAt) {
        if (RiskFlag.count("measurementId = ?1 and item = ?2", measurementId, item) > 0) {
            LOG.debugf("Risk flag for measurement %s item %d already recorded", measurementId, item);
            return;
        }
        RiskFlag flag = new RiskFlag();
        flag.id = UUID.randomUUID();
        flag.measurementId = measurementId;
        flag.instrument = instrument;
        flag.item = item;
        flag.referralId = referralId;
        flag.peerId = referralId == null ? null : matches.active(referralId).map(m -> m.peerId).orElse(null);
        flag.raisedAt = raisedAt;
        flag.acknowledgeBy = raisedAt.plus(config.riskFlagEscalateAfter());
        flag.status = Concern.Status.OPEN;
        flag.persist();
        alerts.riskFlagged(flag.id, referralId, flag.peerId, raisedAt);
    }

    /** The flags in these statuses that the caller works (see {@link Access#safeguards}). */
    public List<RiskFlag> list(Set<Concern.Status> statuses, Access access) {
        return RiskFlag.<RiskFlag>list("status in ?1", statuses).stream().filter(f -> access.safeguards(f.peerId))
                .toList();
    }

    /** A supervisor (of the flag's peer, or any when the peer has none) or a coordinator takes the flag on. */
    @Transactional
    public RiskFlag acknowledge(UUID id, Access access) {
        RiskFlag flag = lockedVisible(id, access);
        if (flag.status != Concern.Status.OPEN) {
            throw ProblemException.conflict("risk-flag-already-acknowledged", "risk flag " + id + " was already "
                    + "acknowledged by " + flag.acknowledgedBy + " at " + flag.acknowledgedAt);
        }
        flag.status = Concern.Status.ACKNOWLEDGED;
        flag.acknowledgedAt = OffsetDateTime.now(clock);
        flag.acknowledgedBy = access.user();
        alerts.causeAcknowledged(flag.id, access.subject());
        return flag;
    }

    /** Dealt with, and what was done; only once acknowledged, and only once. */
    @Transactional
    public RiskFlag close(UUID id, String actionTaken, Access access) {
        RiskFlag flag = lockedVisible(id, access);
        switch (flag.status) {
            case OPEN -> throw ProblemException.conflict("risk-flag-not-acknowledged", "risk flag " + id
                    + " must be acknowledged before it is closed");
            case CLOSED -> throw ProblemException.conflict("risk-flag-closed", "risk flag " + id
                    + " was already closed by " + flag.closedBy + " at " + flag.closedAt);
            case ACKNOWLEDGED -> {
            }
        }
        flag.status = Concern.Status.CLOSED;
        flag.closedAt = OffsetDateTime.now(clock);
        flag.closedBy = access.user();
        flag.actionTaken = actionTaken.strip();
        return flag;
    }

    private RiskFlag lockedVisible(UUID id, Access access) {
        RiskFlag flag = RiskFlag.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (flag == null || !access.safeguards(flag.peerId)) {
            throw ProblemException.notFound("Risk flag", id);
        }
        return flag;
    }
}
