package org.alongside.matching.peers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.alongside.matching.taxonomy.Taxonomies;
import org.alongside.matching.taxonomy.Taxonomy;
import org.alongside.matching.vocabulary.Condition;
import org.alongside.matching.vocabulary.Localities;
import org.alongside.matching.vocabulary.Slot;
import org.alongside.platform.patch.JsonMergePatch;
import org.alongside.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;

/** Peer profiles, and the one place a peer's places are taken and given back. */
@ApplicationScoped
public class Peers {

    /** The most clients any peer supports at once. */
    public static final int MOST_CLIENTS = 50;

    private final Clock clock;
    private final Taxonomies taxonomies;
    private final Event<PeerChanged> changed;
    private final ObjectMapper mapper;
    private final Validator validator;

    Peers(Clock clock, Taxonomies taxonomies, Event<PeerChanged> changed, ObjectMapper mapper, Validator validator) {
        this.clock = clock;
        this.taxonomies = taxonomies;
        this.changed = changed;
        this.mapper = mapper;
        this.validator = validator;
    }

    @Transactional
    public Peer create(PeerInput input) {
        Peer peer = new Peer();
        peer.id = UUID.randomUUID();
        peer.createdAt = OffsetDateTime.now(clock);
        peer.activeClients = 0;
        apply(peer, input, null);
        peer.persist();
        peer.flush();
        changed.fire(new PeerChanged(peer.id));
        return peer;
    }

    @Transactional
    public Peer update(UUID id, PeerInput input) {
        // FOR NO KEY UPDATE: a concurrent accept waits, so the checks below see its final count, while proposals
        // naming this peer can still be written meanwhile (their foreign key takes only a key-share lock).
        List<?> locked = Peer.getEntityManager()
                .createNativeQuery("SELECT id FROM peer WHERE id = ?1 FOR NO KEY UPDATE")
                .setParameter(1, id).getResultList();
        if (locked.isEmpty()) {
            throw ProblemException.notFound("Peer", id);
        }
        Peer peer = Peer.findById(id);
        if (input.capacity() < peer.activeClients) {
            String message = "must be at least the peer's " + peer.activeClients + " active client(s)";
            throw new ProblemException(409, "capacity-below-active-clients", "Conflict", "capacity: " + message,
                    List.of(new Problem.FieldError("capacity", message)));
        }
        apply(peer, input, peer.status);
        peer.flush();
        changed.fire(new PeerChanged(peer.id));
        return peer;
    }

    /**
     * Changes part of a profile with a JSON Merge Patch of its {@link PeerInput} (a status and places, say): the
     * patch is applied to the profile as held, and the result is checked and applied exactly as a replacement is,
     * so a refusal writes nothing. {@code active} alone, the API's first shape, decides the status as in a
     * replacement.
     */
    @Transactional
    public Peer correct(UUID id, JsonNode patch) throws JsonProcessingException {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON Merge Patch object of a peer profile");
        }
        Peer held = Peer.findById(id);
        if (held == null) {
            throw ProblemException.notFound("Peer", id);
        }
        ObjectNode document = mapper.valueToTree(PeerInput.of(held));
        if (patch.has("active") && !patch.has("status")) {
            document.remove("status");
        }
        PeerInput input = mapper.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .treeToValue(JsonMergePatch.apply(document, patch), PeerInput.class);
        Set<ConstraintViolation<PeerInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return update(id, input);
    }

    /**
     * The peer if the caller may see it: coordinators and admins every profile, a supervisor the profiles of the
     * peers they supervise ({@code supervisor} is the subject of their token), a peer worker only their own;
     * otherwise 404, as if absent.
     */
    public Peer visibleTo(UUID id, Caller caller) {
        Peer peer = Peer.findById(id);
        if (peer == null || !sees(peer, caller)) {
            throw ProblemException.notFound("Peer", id);
        }
        return peer;
    }

    static boolean sees(Peer peer, Caller caller) {
        if (caller.is(Roles.COORDINATOR) || caller.is(Roles.ADMIN)) {
            return true;
        }
        if (caller.is(Roles.SUPERVISOR) && peer.supervisor != null
                && caller.subject().map(peer.supervisor::equals).orElse(false)) {
            return true;
        }
        return caller.peerId().map(peer.id::equals).orElse(false);
    }

    public record Found(List<Peer> items, long total) {
    }

    /** A person the peer supports now, by their referral: whom to transfer when the peer leaves or goes on leave. */
    @Schema(name = "PeerCurrentPerson")
    public record CurrentPerson(UUID referralId, @Schema(description = "Matched with the peer since") OffsetDateTime since) {
    }

    /** The people the peer is matched with now, longest matched first. */
    @SuppressWarnings("unchecked")
    public org.alongside.platform.query.Page<CurrentPerson> currentPeople(UUID peerId, int page, int size) {
        var em = Peer.getEntityManager();
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT referral_id, started_at FROM peer_match WHERE peer_id = ?1 AND ended_at IS NULL
                        ORDER BY started_at, referral_id LIMIT ?2 OFFSET ?3""")
                .setParameter(1, peerId).setParameter(2, size).setParameter(3, (long) page * size).getResultList();
        long total = ((Number) em.createNativeQuery(
                "SELECT count(*) FROM peer_match WHERE peer_id = ?1 AND ended_at IS NULL")
                .setParameter(1, peerId).getSingleResult()).longValue();
        return new org.alongside.platform.query.Page<>(rows.stream().map(row -> new CurrentPerson((UUID) row[0],
                toOffset(row[1]))).toList(), page, size, total);
    }

    private static OffsetDateTime toOffset(Object time) {
        return switch (time) {
            case OffsetDateTime offset -> offset;
            case java.sql.Timestamp timestamp -> timestamp.toInstant().atOffset(ZoneOffset.UTC);
            case Instant instant -> instant.atOffset(ZoneOffset.UTC);
            default -> throw new IllegalStateException("Unexpected time " + time.getClass());
        };
    }

    public record Filter(Optional<Boolean> active, Optional<PeerStatus> status, Optional<String> supervisor) {
    }

    /**
     * Peer profiles a page at a time. A supervisor (not also a coordinator or admin) lists only the peers they
     * supervise, whatever supervisor they ask for.
     */
    public Found list(Filter filter, Caller caller, int page, int size) {
        if (caller.is(Roles.SUPERVISOR) && !caller.is(Roles.COORDINATOR) && !caller.is(Roles.ADMIN)) {
            Optional<String> own = caller.subject();
            if (own.isEmpty() || filter.supervisor().map(asked -> !asked.equals(own.get())).orElse(false)) {
                return new Found(List.of(), 0);
            }
            filter = new Filter(filter.active(), filter.status(), own);
        }
        return list(filter, page, size);
    }

    Found list(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        filter.active().ifPresent(active -> {
            where.add("active = :active");
            parameters.and("active", active);
        });
        filter.status().ifPresent(status -> {
            where.add("status = :status");
            parameters.and("status", status);
        });
        filter.supervisor().ifPresent(supervisor -> {
            where.add("supervisor = :supervisor");
            parameters.and("supervisor", supervisor);
        });
        Sort order = Sort.ascending("displayName", "id");
        var query = where.isEmpty() ? Peer.<Peer>findAll(order)
                : Peer.<Peer>find(String.join(" and ", where), order, parameters);
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
                        WHERE id = ?1 AND active_clients < capacity AND status = 'ACTIVE'""")
                .setParameter(1, peerId)
                .executeUpdate() == 1;
    }

    /** Gives back the place a match held; false if the peer had none taken (nothing to give back). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean freePlace(UUID peerId) {
        return Peer.getEntityManager().createNativeQuery("""
                        UPDATE peer SET active_clients = active_clients - 1
                        WHERE id = ?1 AND active_clients > 0""")
                .setParameter(1, peerId)
                .executeUpdate() == 1;
    }

    private void apply(Peer peer, PeerInput input, PeerStatus current) {
        peer.status = status(input, current);
        peer.active = peer.status == PeerStatus.ACTIVE;
        Boundaries boundaries = input.boundaries() == null ? Boundaries.NONE : input.boundaries().normalised();
        Taxonomy taxonomy = taxonomies.current();
        for (int i = 0; i < boundaries.conditionGroups().size(); i++) {
            String group = boundaries.conditionGroups().get(i);
            if (!taxonomy.groups().containsKey(group)) {
                throw ProblemException.invalid("boundaries.conditionGroups[" + i + "]",
                        "'" + group + "' is not a condition group of the taxonomy (see GET /taxonomy)");
            }
        }
        peer.displayName = input.displayName().strip();
        peer.livedExperience = input.livedExperience().stream().map(Condition::asLivedExperience).toList();
        peer.experiences = input.experiences() == null ? List.of()
                : input.experiences().stream().map(Boundaries::tag).distinct().toList();
        peer.gender = input.gender();
        peer.genderIdentity = blankToNull(input.genderIdentity());
        peer.ageBand = input.ageBand();
        peer.culture = blankToNull(input.culture());
        peer.ethnicity = input.ethnicity();
        peer.faith = input.faith();
        peer.languages = input.languages() == null ? List.of()
                : input.languages().stream().map(l -> l.toLowerCase(Locale.ROOT)).distinct().toList();
        peer.settings = input.settings().stream().distinct().sorted().toList();
        peer.media = input.media().stream().distinct().sorted().toList();
        peer.localities = input.localities() == null ? List.of()
                : input.localities().stream().map(Localities::normalise).distinct().sorted().toList();
        peer.availability = input.availability() == null ? List.of()
                : input.availability().stream().distinct().sorted(Slot.WEEK_ORDER).toList();
        peer.capacity = input.capacity();
        peer.training = input.training() == null ? null : input.training().normalised();
        peer.boundaries = boundaries;
        peer.updatedAt = OffsetDateTime.now(clock);
    }

    /** status wins; active alone (the API's first shape) means ACTIVE, or ON_LEAVE (LEFT stays LEFT). */
    private static PeerStatus status(PeerInput input, PeerStatus current) {
        if (input.status() == null && input.active() == null) {
            throw ProblemException.invalid("status", "is required: ACTIVE, ON_LEAVE or LEFT (or give active)");
        }
        if (input.status() == null) {
            return input.active() ? PeerStatus.ACTIVE
                    : current == PeerStatus.LEFT ? PeerStatus.LEFT : PeerStatus.ON_LEAVE;
        }
        if (input.active() != null && input.active() != (input.status() == PeerStatus.ACTIVE)) {
            throw ProblemException.invalid("active", "must be " + (input.status() == PeerStatus.ACTIVE)
                    + " when status is " + input.status() + " (or leave it out)");
        }
        return input.status();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
