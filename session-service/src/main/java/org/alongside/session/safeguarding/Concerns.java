package org.alongside.session.safeguarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.ProblemException;
import org.alongside.session.access.Access;
import org.alongside.session.access.Supervisors;
import org.alongside.session.alert.Alerts;
import org.alongside.session.match.Matches;
import org.alongside.session.match.Restrictions;

/**
 * Raises safeguarding concerns and takes them through acknowledgement to closure. A concern belongs to the peer
 * working with the person; it lands on that peer's supervisor's worklist, and on every supervisor's when the peer
 * has none, so no concern waits unseen. Coordinators see all.
 */
@ApplicationScoped
public class Concerns {

    private final Matches matches;
    private final Supervisors supervisors;
    private final Outbox outbox;
    private final Restrictions restrictions;
    private final Alerts alerts;
    private final Clock clock;
    private final Duration immediateWithin;
    private final int workingDaysToAcknowledge;
    private final WorkingDays workingDays;

    Concerns(Matches matches, Supervisors supervisors, Outbox outbox, Restrictions restrictions, Alerts alerts,
            Clock clock, SafeguardingConfig config) {
        this.matches = matches;
        this.supervisors = supervisors;
        this.outbox = outbox;
        this.restrictions = restrictions;
        this.alerts = alerts;
        this.clock = clock;
        this.immediateWithin = config.immediateRiskAcknowledgeWithin();
        this.workingDaysToAcknowledge = config.acknowledgeWorkingDays();
        this.workingDays = new WorkingDays(config.zone(), new HashSet<>(config.nonWorkingDates().orElse(List.of())));
    }

    /** Raises a concern about a referral, from a session when {@code sessionId} is given; publishes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Concern raise(UUID referralId, UUID peerId, UUID sessionId, ConcernDetails details, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Concern concern = new Concern();
        concern.id = UUID.randomUUID();
        concern.referralId = referralId;
        concern.peerId = peerId;
        concern.sessionId = sessionId;
        concern.category = details.category();
        concern.description = details.description().strip();
        concern.immediateRisk = details.immediateRisk();
        concern.status = Concern.Status.OPEN;
        concern.raisedAt = now;
        concern.raisedBy = by;
        concern.acknowledgeBy = SafeguardingRules.acknowledgeBy(now, concern.immediateRisk, immediateWithin,
                workingDaysToAcknowledge, workingDays);
        concern.persist();
        outbox.publish(SafeguardingEvents.raised(concern,
                peerId == null ? null : supervisors.supervisorOf(peerId).orElse(null)));
        if (concern.immediateRisk) {
            alerts.concernRaised(concern.id, referralId, peerId, now);
        }
        return concern;
    }

    /**
     * A concern raised outside a session. A peer worker raises it about their own clients; a coordinator about any
     * referral this service knows, on behalf of the peer working with the person now (if any).
     */
    @Transactional
    public Concern raise(NewConcern request, Access access) {
        Optional<UUID> actingPeer = access.actingPeer();
        access.requireWritableReferral(request.referralId());
        // the duty of care outlasts a withdrawal of consent: only erased records refuse a concern
        restrictions.requireNotErased(request.referralId());
        UUID peerId = actingPeer.orElseGet(() -> matches.active(request.referralId()).map(m -> m.peerId)
                .orElse(null));
        return raise(request.referralId(), peerId, null, request.details(), access.user());
    }

    /** The concern if the caller may see it; otherwise 404. */
    public Concern visibleTo(UUID id, Access access) {
        Concern concern = Concern.findById(id);
        if (concern == null || !visible(concern, access, null)) {
            throw ProblemException.notFound("Safeguarding concern", id);
        }
        return concern;
    }

    public record Filter(Set<Concern.Status> statuses, Boolean overdue, UUID referralId, UUID peerId) {
    }

    /** The caller's worklist: overdue first, then immediate risks, then by deadline. */
    public List<Concern> list(Filter filter, Access access) {
        StringBuilder query = new StringBuilder("status in ?1");
        List<Object> params = new ArrayList<>(List.of(filter.statuses()));
        if (filter.referralId() != null) {
            params.add(filter.referralId());
            query.append(" and referralId = ?").append(params.size());
        }
        if (filter.peerId() != null) {
            params.add(filter.peerId());
            query.append(" and peerId = ?").append(params.size());
        }
        Optional<UUID> ownPeer = access.peerWorker();
        if (!access.isStaff()) {
            params.add(ownPeer.orElseThrow(() -> ProblemException.forbidden(
                    "A peer worker's token must carry the peerId of their peer profile")));
            query.append(" and peerId = ?").append(params.size());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<UUID, Optional<String>> supervisorOf = new HashMap<>();
        return Concern.<Concern>list(query.toString(), params.toArray()).stream()
                .filter(c -> visible(c, access, supervisorOf))
                .filter(c -> filter.overdue() == null
                        || filter.overdue() == SafeguardingRules.isOverdue(c.status, c.acknowledgeBy, now))
                .sorted(Comparator.<Concern, Boolean>comparing(
                                c -> !SafeguardingRules.isOverdue(c.status, c.acknowledgeBy, now))
                        .thenComparing(c -> !c.immediateRisk)
                        .thenComparing(c -> c.acknowledgeBy)
                        .thenComparing(c -> c.raisedAt))
                .toList();
    }

    /** The concerns raised about a referral that are not closed yet. */
    public long openCount(UUID referralId) {
        return Concern.count("referralId = ?1 and status <> ?2", referralId, Concern.Status.CLOSED);
    }

    @Transactional
    public Concern acknowledge(UUID id, Access access) {
        Concern concern = lockedVisible(id, access);
        concern.acknowledge(access.user(), OffsetDateTime.now(clock));
        alerts.causeAcknowledged(concern.id, access.subject());
        return concern;
    }

    @Transactional
    public Concern close(UUID id, String actionTaken, Access access) {
        Concern concern = lockedVisible(id, access);
        concern.close(actionTaken, access.user(), OffsetDateTime.now(clock));
        outbox.publish(SafeguardingEvents.closed(concern));
        return concern;
    }

    /** Whether the caller may read what the concern describes and the action taken. */
    public boolean mayReadText(Concern concern, Access access) {
        if (access.mayReadRestricted(concern.peerId)) {
            return true;
        }
        // a supervisor who has it on their worklist because its peer has no supervisor must be able to act on it
        return access.isSupervisor() && (concern.peerId == null || supervisors.supervisorOf(concern.peerId).isEmpty());
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private Concern lockedVisible(UUID id, Access access) {
        Concern concern = Concern.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (concern == null || !visible(concern, access, null)) {
            throw ProblemException.notFound("Safeguarding concern", id);
        }
        return concern;
    }

    private boolean visible(Concern concern, Access access, Map<UUID, Optional<String>> cache) {
        if (access.isCoordinatorOrAdmin()) {
            return true;
        }
        if (access.isSupervisor()) {
            if (concern.peerId == null) {
                return true;
            }
            Optional<String> supervisor = cache == null ? supervisors.supervisorOf(concern.peerId)
                    : cache.computeIfAbsent(concern.peerId, supervisors::supervisorOf);
            return supervisor.map(access.subject()::equals).orElse(true);
        }
        return access.peerWorker().map(p -> p.equals(concern.peerId)).orElse(false);
    }
}
