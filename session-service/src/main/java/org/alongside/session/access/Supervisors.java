package org.alongside.session.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.events.staff.SupervisorAssigned;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.query.Page;

/**
 * The supervisors this service registers and which of them supervises each peer worker. This service owns
 * supervision: every assignment is published as supervisor.assigned for the other services to apply.
 */
@ApplicationScoped
public class Supervisors {

    private final Clock clock;
    private final Outbox outbox;

    Supervisors(Clock clock, Outbox outbox) {
        this.clock = clock;
        this.outbox = outbox;
    }

    public Optional<SupervisorAssignment> current(UUID peerId) {
        return SupervisorAssignment.find("peerId = ?1 and endedAt is null", peerId).firstResultOptional();
    }

    /** The subject of the peer's supervisor, if one is assigned. */
    public Optional<String> supervisorOf(UUID peerId) {
        return current(peerId).map(a -> a.supervisorId);
    }

    /** The peers a supervisor is assigned to now. */
    public List<UUID> peersOf(String supervisorId) {
        return SupervisorAssignment.<SupervisorAssignment>list("supervisorId = ?1 and endedAt is null", supervisorId)
                .stream().map(a -> a.peerId).toList();
    }

    public Optional<Supervisor> registered(String subject) {
        return Supervisor.findByIdOptional(subject);
    }

    /** Registers a supervisor, or changes their name, email or whether they are active. */
    @Transactional
    public Supervisor register(String subject, String displayName, String email, boolean active, String by) {
        Supervisor supervisor = Supervisor.<Supervisor>findByIdOptional(subject).orElseGet(() -> {
            Supervisor created = new Supervisor();
            created.subject = subject;
            return created;
        });
        supervisor.displayName = displayName.strip();
        supervisor.email = email.strip();
        supervisor.active = active;
        supervisor.updatedAt = OffsetDateTime.now(clock);
        supervisor.updatedBy = by;
        supervisor.persist();
        return supervisor;
    }

    /** Registered supervisors by name, a page at a time; only the active ones when {@code active} is true. */
    public Page<Supervisor> list(Boolean active, int page, int size) {
        var query = active == null ? Supervisor.<Supervisor>find("order by displayName, subject")
                : Supervisor.<Supervisor>find("active = ?1 order by displayName, subject", active);
        return new Page<>(query.page(io.quarkus.panache.common.Page.of(page, size)).list(), page, size, query.count());
    }

    /**
     * Assigns the supervisor, who must be registered and active (422 naming {@code supervisor} otherwise, nothing
     * changed); the current assignment, if to someone else, ends, and supervisor.assigned is published. Assigning
     * again changes nothing.
     */
    @Transactional
    public SupervisorAssignment assign(UUID peerId, String supervisorId, String by) {
        Supervisor supervisor = registered(supervisorId).orElse(null);
        if (supervisor == null || !supervisor.active) {
            String why = supervisor == null ? "is not a registered supervisor (PUT /supervisors/{subject} first)"
                    : "is no longer an active supervisor";
            throw new ProblemException(422, "supervisor-not-assignable", "Not an assignable supervisor",
                    "supervisor: '" + supervisorId + "' " + why, List.of(new Problem.FieldError("supervisor", why)));
        }
        SupervisorAssignment.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "supervisor:" + peerId).getSingleResult();
        Optional<SupervisorAssignment> current = current(peerId);
        if (current.isPresent() && current.get().supervisorId.equals(supervisorId)) {
            return current.get();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        current.ifPresent(a -> {
            a.endedAt = now;
            SupervisorAssignment.flush();
        });
        SupervisorAssignment assignment = new SupervisorAssignment();
        assignment.id = UUID.randomUUID();
        assignment.peerId = peerId;
        assignment.supervisorId = supervisorId;
        assignment.assignedAt = now;
        assignment.assignedBy = by;
        assignment.persist();
        outbox.publish(new SupervisorAssigned(peerId, supervisorId, now));
        return assignment;
    }
}
