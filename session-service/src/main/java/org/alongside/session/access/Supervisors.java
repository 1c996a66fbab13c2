package org.alongside.session.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Which supervisor each peer worker has. */
@ApplicationScoped
public class Supervisors {

    private final Clock clock;

    Supervisors(Clock clock) {
        this.clock = clock;
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

    /** Assigns the supervisor; the current assignment, if to someone else, ends. Assigning again changes nothing. */
    @Transactional
    public SupervisorAssignment assign(UUID peerId, String supervisorId, String by) {
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
        return assignment;
    }
}
