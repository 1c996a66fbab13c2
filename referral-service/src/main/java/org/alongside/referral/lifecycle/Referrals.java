package org.alongside.referral.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.alongside.platform.audit.AuditTrail;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.patch.JsonMergePatch;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.query.Page;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;

/**
 * The referral lifecycle: the referral checks each change of status ({@link Referral#moveTo}); here it is kept in
 * the history, announced and published through the outbox, in the caller's transaction.
 */
@ApplicationScoped
public class Referrals {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Event<ReferralStatusChanged> statusChanged;
    private final EntityManager entities;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Validator validator;

    Referrals(Outbox outbox, AuditTrail audit, Event<ReferralStatusChanged> statusChanged, EntityManager entities,
            Clock clock, ObjectMapper mapper, Validator validator) {
        this.outbox = outbox;
        this.audit = audit;
        this.statusChanged = statusChanged;
        this.entities = entities;
        this.clock = clock;
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The referral if the caller may see it; out of scope is indistinguishable from absent (404). */
    public Referral visibleTo(UUID id, Caller caller) {
        Referral referral = Referral.findById(id);
        if (referral == null || !inScope(referral, caller)) {
            throw ProblemException.notFound("Referral", id);
        }
        return referral;
    }

    /** Whether the caller's role gives them a scope of referrals (a supervisor's has none of its own). */
    static boolean hasOwnScope(Caller caller) {
        return caller.is(Roles.COORDINATOR) || caller.is(Roles.ADMIN) || caller.is(Roles.REFERRER)
                || caller.is(Roles.PEER_WORKER);
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

    /** Worklist filters and the search for a person; every one optional. */
    public record Filter(ReferralStatus status, String odsCode, String snomedCode, LocalDate receivedFrom,
            LocalDate receivedTo, String nhsNumber, String name, LocalDate birthDate, UUID peerId,
            Boolean unableToContact) {
    }

    /** The worklist's orders. */
    public enum Sort {
        /** Urgent first, then the longest waiting. */
        URGENCY("urgency = 'URGENT' DESC, received_at ASC"),
        /** The longest waiting first. */
        WAITING("received_at ASC"),
        /** The most recently received first. */
        RECEIVED("received_at DESC");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /**
     * The referrals that match, within what the caller may see: a referrer their organisation's, a peer worker the
     * people they support now; a coordinator or admin any.
     */
    @SuppressWarnings("unchecked")
    public Page<Referral> list(Filter filter, Sort sort, Caller caller, int page, int size) {
        StringBuilder where = new StringBuilder("TRUE");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        String ods = filter.odsCode();
        if (!(caller.is(Roles.COORDINATOR) || caller.is(Roles.ADMIN))) {
            if (caller.is(Roles.REFERRER)) {
                // referrers see their own organisation's referrals whatever they ask for
                ods = caller.odsCode().orElse("-");
            } else {
                // a peer worker: the people matched to them while their support lasts (as inScope)
                where.append(" AND status IN ('MATCHED', 'ACTIVE') AND matched_peer_id = :ownPeer");
                params.put("ownPeer", caller.peerId().orElse(new UUID(0, 0)));
            }
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
        if (filter.nhsNumber() != null) {
            where.append(" AND nhs_number = :nhs");
            params.put("nhs", NhsNumber.normalise(filter.nhsNumber()));
        }
        if (filter.name() != null) {
            // each word the start of the family or a given name, whatever its case and accents
            String[] words = filter.name().strip().split("\\s+");
            for (int i = 0; i < words.length; i++) {
                where.append(" AND (lower(unaccent(family_name)) LIKE lower(unaccent(:name").append(i)
                        .append(")) || '%' ESCAPE '!' OR lower(unaccent(given_name)) LIKE lower(unaccent(:name")
                        .append(i).append(")) || '%' ESCAPE '!')");
                params.put("name" + i, words[i].replaceAll("([!%_])", "!$1"));
            }
        }
        if (filter.birthDate() != null) {
            where.append(" AND birth_date = :birthDate");
            params.put("birthDate", filter.birthDate());
        }
        if (filter.peerId() != null) {
            where.append(" AND matched_peer_id = :peer");
            params.put("peer", filter.peerId());
        }
        if (filter.unableToContact() != null) {
            where.append(" AND unable_to_contact = :unableToContact");
            params.put("unableToContact", filter.unableToContact());
        }
        var items = entities.createNativeQuery("SELECT * FROM referral WHERE " + where + " ORDER BY "
                + sort.orderBy + ", id LIMIT :limit OFFSET :offset", Referral.class);
        var count = entities.createNativeQuery("SELECT count(*) FROM referral WHERE " + where, Long.class);
        params.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        items.setParameter("limit", size).setParameter("offset", (long) page * size);
        return new Page<>(items.getResultList(), page, size, ((Number) count.getSingleResult()).longValue());
    }

    /**
     * Corrects a referral with a JSON Merge Patch of its {@link Correction}: the result is checked exactly as at
     * intake (a REST referral needs a condition and so on), and a refusal writes nothing. The history keeps who
     * changed which fields when; a change matching or reporting uses is published (referral.updated), without
     * identity. A patch that changes nothing records nothing.
     */
    @Transactional
    public Referral correct(UUID id, JsonNode patch, Caller caller) throws JsonProcessingException {
        Referral referral = visibleTo(id, caller);
        if (patch == null || !patch.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON Merge Patch object of " + Correction.FIELDS);
        }
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Correction.FIELDS.contains(name)) {
                throw ProblemException.invalid(name, "cannot be corrected; a patch may name " + Correction.FIELDS);
            }
        }
        JsonNode before = mapper.valueToTree(Correction.of(referral));
        Correction corrected = mapper.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .treeToValue(JsonMergePatch.apply(before, patch), Correction.class);
        Set<ConstraintViolation<Correction>> violations = validator.validate(corrected,
                referral.channel == Referral.Channel.REST ? NewReferral.Complete.class : Default.class);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        referral.correct(corrected);
        List<String> changed = Correction.differences(before, mapper.valueToTree(Correction.of(referral)));
        if (changed.isEmpty()) {
            return answered(referral);
        }
        record(referral, referral.corrected(changed, caller.user(), now()));
        if (changed.stream().anyMatch(Correction::sharedWithOtherServices)) {
            outbox.publish(ReferralEvents.updated(referral, LocalDate.now(clock)));
        }
        return answered(referral);
    }

    @Transactional
    public Referral accept(UUID id, Caller caller) {
        Referral referral = visibleTo(id, caller);
        record(referral, referral.moveTo(ReferralStatus.ACCEPTED, null, caller.user(), now()));
        outbox.publish(ReferralEvents.accepted(referral, LocalDate.now(clock)));
        return answered(referral);
    }

    @Transactional
    public Referral decline(UUID id, Reasons.Decline decline, Caller caller) {
        Referral referral = visibleTo(id, caller);
        record(referral, referral.decide(ReferralStatus.DECLINED, decline.reason(), decline.note(), caller.user(),
                now()));
        outbox.publish(ReferralEvents.declined(referral));
        return answered(referral);
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
        return answered(referral);
    }

    @Transactional
    public Referral close(UUID id, Reasons.Close close, Caller caller) {
        Referral referral = visibleTo(id, caller);
        record(referral, referral.decide(ReferralStatus.CLOSED, close.reason(), close.note(), caller.user(), now()));
        outbox.publish(ReferralEvents.closed(referral));
        return answered(referral);
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
            return answered(referral);
        }
        StatusChange step = withdrawal.get();
        record(referral, step);
        if (step.changesStatus()) {
            outbox.publish(ReferralEvents.withdrawn(referral, step.fromStatus));
        }
        outbox.publish(ReferralEvents.consentWithdrawn(referral, step.fromStatus));
        return answered(referral);
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

    /**
     * Records the HTTP call that made this change in the audit trail, in the change's transaction: one commit, not
     * two (the audit filter's own would follow the answer), and neither without the other.
     */
    private Referral answered(Referral referral) {
        audit.recordAnswer(Response.Status.OK.getStatusCode(), referral.id);
        return referral;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
