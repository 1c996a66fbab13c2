package org.alongside.session.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.events.staff.SupervisionRecorded;
import org.alongside.platform.outbox.Outbox;
import org.alongside.session.access.Access;

/** Supervision sessions, and which peer workers are overdue one. */
@ApplicationScoped
public class SupervisionRecords {

    /**
     * Peer workers this service knows to be working: with a current match or a current supervisor. Each with
     * when it first knew them so, their supervisor, their last supervision and their active clients.
     */
    private static final String KNOWN_PEERS = """
            WITH matched AS (
                SELECT peer_id, min(matched_at) AS since, count(*) AS clients
                FROM peer_match WHERE ended_at IS NULL GROUP BY peer_id),
            assigned AS (
                SELECT peer_id, supervisor_id, assigned_at FROM supervisor_assignment WHERE ended_at IS NULL),
            supervised AS (
                SELECT peer_id, max(held_at) AS last_held FROM supervision GROUP BY peer_id)
            SELECT p.peer_id AS peer_id, a.supervisor_id AS supervisor_id,
                   least(m.since, a.assigned_at) AS since, s.last_held AS last_held,
                   coalesce(m.clients, 0) AS clients
            FROM (SELECT peer_id FROM matched UNION SELECT peer_id FROM assigned) p
            LEFT JOIN matched m ON m.peer_id = p.peer_id
            LEFT JOIN assigned a ON a.peer_id = p.peer_id
            LEFT JOIN supervised s ON s.peer_id = p.peer_id""";

    private final Clock clock;
    private final Duration interval;
    private final Outbox outbox;

    SupervisionRecords(Clock clock, SupervisionConfig config, Outbox outbox) {
        this.clock = clock;
        this.interval = config.interval();
        this.outbox = outbox;
    }

    @Transactional
    public Supervision record(UUID peerId, NewSupervision request, Access access) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        SupervisionRules.checkHeldAt(request.heldAt(), now);
        Supervision supervision = new Supervision();
        supervision.id = UUID.randomUUID();
        supervision.peerId = peerId;
        supervision.supervisorId = access.subject();
        supervision.heldAt = request.heldAt();
        supervision.durationMinutes = request.durationMinutes();
        supervision.topics = request.topics().stream().distinct().toList();
        supervision.wellbeing = request.wellbeing();
        supervision.wellbeingNotes = blankToNull(request.wellbeingNotes());
        supervision.actions = request.actions() == null ? List.of() : request.actions().stream()
                .map(a -> new Supervision.Action(a.description().strip(), a.dueBy())).toList();
        supervision.recordedAt = now;
        supervision.recordedBy = access.user();
        supervision.persist();
        // that it was held, for supervision against the policy interval in the commissioning figures; nothing else
        outbox.publish(new SupervisionRecorded(supervision.id, peerId, supervision.heldAt));
        return supervision;
    }

    /** A peer's supervision sessions, most recent first. */
    public List<Supervision> of(UUID peerId) {
        return Supervision.list("peerId = ?1 order by heldAt desc", peerId);
    }

    /**
     * Peer workers whose supervision is overdue, longest overdue first. A supervisor sees the peers assigned to them
     * and those with no supervisor (so nobody falls between supervisors); coordinators and admins see all.
     */
    public List<OverduePeer> overdue(Access access) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String supervisor = access.isCoordinatorOrAdmin() ? null : access.subject();
        @SuppressWarnings("unchecked")
        List<Tuple> rows = Supervision.getEntityManager().createNativeQuery(KNOWN_PEERS, Tuple.class).getResultList();
        return rows.stream()
                .filter(r -> supervisor == null || r.get("supervisor_id") == null
                        || supervisor.equals(r.get("supervisor_id")))
                .map(r -> {
                    OffsetDateTime last = time(r.get("last_held"));
                    OffsetDateTime since = time(r.get("since"));
                    OffsetDateTime due = SupervisionRules.dueAt(last, since, interval);
                    return new OverduePeer((UUID) r.get("peer_id"), (String) r.get("supervisor_id"), since, last, due,
                            SupervisionRules.daysOverdue(due, now), ((Number) r.get("clients")).longValue());
                })
                .filter(p -> SupervisionRules.isOverdue(p.dueAt(), now))
                .sorted(Comparator.comparing(OverduePeer::dueAt))
                .toList();
    }

    /** A timestamptz column of a native query, whichever Java type the driver and Hibernate chose for it. */
    private static OffsetDateTime time(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        Instant instant = value instanceof Instant i ? i : ((Timestamp) value).toInstant();
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
