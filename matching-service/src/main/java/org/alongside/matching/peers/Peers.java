package org.alongside.matching.peers;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.alongside.matching.vocabulary.Condition;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;

/** Peer profiles, and the one place a peer's places are taken. */
@ApplicationScoped
public class Peers {

    private final Clock clock;

    Peers(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public Peer create(PeerInput input) {
        Peer peer = new Peer();
        peer.id = UUID.randomUUID();
        peer.createdAt = OffsetDateTime.now(clock);
        peer.activeClients = 0;
        apply(peer, input);
        peer.persist();
        return peer;
    }

    @Transactional
    public Peer update(UUID id, PeerInput input) {
        // The row lock makes a concurrent accept wait, so the capacity check below sees its final count.
        Peer peer = Peer.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (peer == null) {
            throw ProblemException.notFound("Peer", id);
        }
        if (input.capacity() < peer.activeClients) {
            String message = "must be at least the peer's " + peer.activeClients + " active client(s)";
            throw new ProblemException(409, "capacity-below-active-clients", "Conflict", "capacity: " + message,
                    List.of(new Problem.FieldError("capacity", message)));
        }
        apply(peer, input);
        return peer;
    }

    /** The peer if the caller may see it: a peer worker only their own profile; otherwise 404, as if absent. */
    public Peer visibleTo(UUID id, Caller caller) {
        Peer peer = Peer.findById(id);
        boolean staff = caller.is(Roles.COORDINATOR) || caller.is(Roles.ADMIN) || caller.is(Roles.SUPERVISOR);
        if (peer == null || !(staff || caller.peerId().map(id::equals).orElse(false))) {
            throw ProblemException.notFound("Peer", id);
        }
        return peer;
    }

    public record Found(List<Peer> items, long total) {
    }

    public Found list(Optional<Boolean> active, int page, int size) {
        Sort order = Sort.ascending("displayName", "id");
        var query = active.isPresent() ? Peer.<Peer>find("active", order, active.get()) : Peer.<Peer>findAll(order);
        query.page(Page.of(page, size));
        return new Found(query.list(), query.count());
    }

    /**
     * Takes one of the peer's places if it is active and has one free: a single conditional UPDATE, so of two
     * concurrent callers for the last place exactly one succeeds. Returns false when no place was taken.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean takePlace(UUID peerId) {
        return Peer.getEntityManager().createNativeQuery("""
                        UPDATE peer SET active_clients = active_clients + 1
                        WHERE id = ?1 AND active_clients < capacity AND active""")
                .setParameter(1, peerId)
                .executeUpdate() == 1;
    }

    private void apply(Peer peer, PeerInput input) {
        peer.displayName = input.displayName().strip();
        peer.livedExperience = input.livedExperience().stream()
                .map(c -> new Condition(c.snomedCode(), c.display().strip(), c.kind())).toList();
        peer.experiences = input.experiences() == null ? List.of()
                : input.experiences().stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        peer.gender = input.gender();
        peer.languages = input.languages() == null ? List.of()
                : input.languages().stream().map(l -> l.toLowerCase(Locale.ROOT)).distinct().toList();
        peer.formats = input.formats().stream().distinct().toList();
        peer.capacity = input.capacity();
        peer.active = input.active();
        peer.updatedAt = OffsetDateTime.now(clock);
    }
}
