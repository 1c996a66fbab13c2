package org.alongside.referral.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.audit.AuditTrail;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.alongside.platform.transaction.GroupCommit;
import org.alongside.referral.lifecycle.NewReferral;
import org.alongside.referral.lifecycle.Referral;
import org.alongside.referral.lifecycle.ReferralEvents;
import org.alongside.referral.lifecycle.ReferralStatus;
import org.hibernate.StatelessSession;

/**
 * Receives a referral: checks what validation annotations cannot, stores it, announces it and records the call in
 * the audit trail, in one transaction, which referrals arriving at the same moment share ({@link GroupCommit}).
 */
@ApplicationScoped
public class Intake {

    private final StatelessSession rows;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final GroupCommit groupCommit;
    private final Clock clock;

    Intake(StatelessSession rows, Outbox outbox, AuditTrail audit, GroupCommit groupCommit, Clock clock) {
        this.rows = rows;
        this.outbox = outbox;
        this.audit = audit;
        this.groupCommit = groupCommit;
        this.clock = clock;
    }

    /** An open referral for the same person: the new one is linked to it for a coordinator to review, never merged. */
    Optional<UUID> openReferralFor(String nhsNumber) {
        if (nhsNumber == null) {
            return Optional.empty();
        }
        // Only the id, with the open statuses fixed in the query: on every intake, loading whole referrals and
        // binding a list parameter cost more than the rest of the transaction (bench/IntakeBench, JFR).
        return Referral.getSession().createSelectionQuery("select id from Referral where nhsNumber = :nhs"
                        + " and status in (:received, :accepted, :matched, :active) order by receivedAt", UUID.class)
                .setParameter("nhs", nhsNumber)
                .setParameter("received", ReferralStatus.RECEIVED).setParameter("accepted", ReferralStatus.ACCEPTED)
                .setParameter("matched", ReferralStatus.MATCHED).setParameter("active", ReferralStatus.ACTIVE)
                .setMaxResults(1).getResultList().stream().findFirst();
    }

    /** A referral already created under this idempotency key, if any. */
    Optional<Referral> byIdempotencyKey(String key) {
        return key == null ? Optional.empty() : Referral.find("idempotencyKey", key).firstResultOptional();
    }

    /**
     * How a referral arrived: the channel, a retry key, the sender's own identifier, how consent reached us and, for
     * FHIR, the request as sent (stored with the referral).
     */
    public record Arrival(Referral.Channel channel, String idempotencyKey, String fhirIdentifier,
            Referral.ConsentSource consentSource, String fhirRequest) {

        public static Arrival rest(String idempotencyKey, Referral.ReferrerType type) {
            return new Arrival(Referral.Channel.REST, idempotencyKey, null, type == Referral.ReferrerType.SELF
                    ? Referral.ConsentSource.SELF_REFERRAL : Referral.ConsentSource.RECORDED_BY_REFERRER, null);
        }
    }

    /** The referral, and whether this request created it (false: a retry of one already received). */
    public record Submission(Referral referral, boolean created) {
    }

    /**
     * What a channel keeps beside a referral, in the transaction that creates it (FHIR messaging: the message's
     * identity, so that a resend creates nothing).
     */
    public interface Companion {

        /** For a channel that keeps nothing beside a referral: REST, and a FHIR ServiceRequest posted as it is. */
        Companion NONE = new Companion() {
            @Override
            public Optional<Referral> earlier() {
                return Optional.empty();
            }

            @Override
            public void storedWith(Referral referral) {
            }
        };

        /** The referral this request already made, known by the channel's own identity of it (a resend). */
        Optional<Referral> earlier();

        /** Stores what the channel keeps beside the referral this request created. */
        void storedWith(Referral referral);
    }

    /**
     * Receives a referral once: a retry under the same key (scoped to the caller's organisation, so two
     * organisations' keys never collide) returns the referral already created. The channel names the answer it
     * gives when this request creates the referral, which the audit trail records in the creating transaction.
     */
    public Submission submit(NewReferral request, Arrival arrival, Caller caller, Response.Status answerIfCreated) {
        return submit(request, arrival, caller, answerIfCreated, Companion.NONE);
    }

    /**
     * As {@link #submit(NewReferral, Arrival, Caller, Response.Status)}, with what the channel keeps beside the
     * referral: a resend it knows is answered with the referral already made, before the retry key is looked at.
     */
    public Submission submit(NewReferral request, Arrival arrival, Caller caller, Response.Status answerIfCreated,
            Companion companion) {
        Arrival scoped = arrival.idempotencyKey() == null ? arrival : new Arrival(arrival.channel(),
                caller.odsCode().orElse(caller.user()) + ":" + arrival.idempotencyKey(), arrival.fhirIdentifier(),
                arrival.consentSource(), arrival.fhirRequest());
        try {
            return groupCommit.call(() -> receive(request, scoped, caller, answerIfCreated, companion));
        } catch (RuntimeException e) {
            // a concurrent retry with the same key committed first: answer with its referral
            return byIdempotencyKey(scoped.idempotencyKey()).map(r -> new Submission(r, false)).orElseThrow(() -> e);
        }
    }

    /**
     * The lookups for an earlier copy are made in the transaction that creates the referral: each in one of its
     * own cost a transaction per intake (bench/IntakeBench, pg_stat_database). A copy racing this one is caught by
     * the unique index of the key it shares and answered by {@link #submit} or the channel. Its rows are inserted at
     * once, outside the persistence context: a key taken first fails this referral alone, not the others sharing its
     * commit, and a group's referrals are not each kept managed and checked again at every flush of the group.
     */
    @Transactional
    Submission receive(NewReferral request, Arrival arrival, Caller caller, Response.Status answer,
            Companion companion) {
        Optional<Referral> earlier = companion.earlier().or(() -> byIdempotencyKey(arrival.idempotencyKey()));
        if (earlier.isPresent()) {
            return new Submission(earlier.get(), false);
        }
        String odsCode = referringOrganisation(request.referrer(), caller);
        requireIdentifiable(request, odsCode);
        Referral referral = new Referral(request, odsCode, arrival.channel(), arrival.fhirIdentifier(),
                arrival.consentSource(), OffsetDateTime.now(clock));
        referral.idempotencyKey = arrival.idempotencyKey();
        // set before the insert, the row's only write here: nothing set on it afterwards is stored
        referral.fhirRequest = arrival.fhirRequest();
        referral.possibleDuplicateOf = openReferralFor(referral.nhsNumber).orElse(null);
        rows.insert(referral);
        companion.storedWith(referral);
        rows.insert(referral.receipt(caller.user()));
        outbox.publish(ReferralEvents.received(referral, LocalDate.now(clock)));
        audit.recordAnswer(answer.getStatusCode(), referral.id);
        return new Submission(referral, true);
    }

    /** The organisation that refers: the one named, but a referrer refers only for their own (403 otherwise). */
    private static String referringOrganisation(NewReferral.Referrer referrer, Caller caller) {
        String odsCode = referrer.odsCode() == null ? null : referrer.odsCode().toUpperCase();
        if (!caller.is(Roles.REFERRER) || caller.is(Roles.COORDINATOR) || caller.is(Roles.ADMIN)) {
            return odsCode;
        }
        String own = caller.odsCode().orElseThrow(() -> ProblemException.forbidden(
                "A referrer's token must carry the odsCode of their organisation"));
        if (odsCode != null && !odsCode.equals(own)) {
            throw ProblemException.forbidden("A referrer may only refer on behalf of their own organisation ("
                    + own + "), not " + odsCode);
        }
        return own;
    }

    /** Whom the referral is about (unless they refer themselves) and, for a GP practice, which one refers. */
    private static void requireIdentifiable(NewReferral request, String odsCode) {
        if (request.person().nhsNumber() == null && request.referrer().type() != Referral.ReferrerType.SELF) {
            throw ProblemException.invalid("person.nhsNumber", "is required unless the person refers themselves");
        }
        if (request.referrer().type() == Referral.ReferrerType.GP_PRACTICE && odsCode == null) {
            throw ProblemException.invalid("referrer.odsCode", "is required for a GP practice referral");
        }
    }
}
