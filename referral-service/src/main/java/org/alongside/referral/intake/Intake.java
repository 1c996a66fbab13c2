package org.alongside.referral.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.alongside.referral.lifecycle.Referral;
import org.alongside.referral.lifecycle.ReferralEvents;
import org.alongside.referral.lifecycle.ReferralStatus;
import org.alongside.referral.lifecycle.StatusChange;

/** Receives a referral: checks what validation annotations cannot, stores it and announces it in one transaction. */
@ApplicationScoped
public class Intake {

    private final Outbox outbox;
    private final Clock clock;

    Intake(Outbox outbox, Clock clock) {
        this.outbox = outbox;
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

    /** How a referral arrived: the channel, a retry key, the sender's own identifier and how consent reached us. */
    public record Arrival(Referral.Channel channel, String idempotencyKey, String fhirIdentifier,
            Referral.ConsentSource consentSource) {

        public static Arrival rest(String idempotencyKey, Referral.ReferrerType type) {
            return new Arrival(Referral.Channel.REST, idempotencyKey, null, type == Referral.ReferrerType.SELF
                    ? Referral.ConsentSource.SELF_REFERRAL : Referral.ConsentSource.RECORDED_BY_REFERRER);
        }
    }

    /** The referral, and whether this request created it (false: a retry of one already received). */
    public record Submission(Referral referral, boolean created) {
    }

    /**
     * Receives a referral once: a retry under the same key (scoped to the caller's organisation, so two
     * organisations' keys never collide) returns the referral already created.
     */
    public Submission submit(NewReferral request, Arrival arrival, Caller caller) {
        Arrival scoped = arrival.idempotencyKey() == null ? arrival : new Arrival(arrival.channel(),
                caller.odsCode().orElse(caller.user()) + ":" + arrival.idempotencyKey(), arrival.fhirIdentifier(),
                arrival.consentSource());
        Optional<Referral> earlier = byIdempotencyKey(scoped.idempotencyKey());
        if (earlier.isPresent()) {
            return new Submission(earlier.get(), false);
        }
        try {
            return new Submission(receive(request, scoped, caller), true);
        } catch (RuntimeException e) {
            // a concurrent retry with the same key committed first: answer with its referral
            return byIdempotencyKey(scoped.idempotencyKey()).map(r -> new Submission(r, false)).orElseThrow(() -> e);
        }
    }

    @Transactional
    Referral receive(NewReferral request, Arrival arrival, Caller caller) {
        NewReferral.Person person = request.person();
        String odsCode = request.referrer().odsCode() == null ? null : request.referrer().odsCode().toUpperCase();
        if (caller.is(Roles.REFERRER) && !caller.is(Roles.COORDINATOR) && !caller.is(Roles.ADMIN)) {
            String own = caller.odsCode().orElseThrow(() -> ProblemException.forbidden(
                    "A referrer's token must carry the odsCode of their organisation"));
            if (odsCode != null && !odsCode.equals(own)) {
                throw ProblemException.forbidden("A referrer may only refer on behalf of their own organisation ("
                        + own + "), not " + odsCode);
            }
            odsCode = own;
        }
        if (person.nhsNumber() == null && request.referrer().type() != Referral.ReferrerType.SELF) {
            throw ProblemException.invalid("person.nhsNumber", "is required unless the person refers themselves");
        }
        if (request.referrer().type() == Referral.ReferrerType.GP_PRACTICE && odsCode == null) {
            throw ProblemException.invalid("referrer.odsCode", "is required for a GP practice referral");
        }

        OffsetDateTime now = OffsetDateTime.now(clock);
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.status = ReferralStatus.RECEIVED;
        referral.receivedAt = now;
        referral.updatedAt = now;
        referral.referrerType = request.referrer().type();
        referral.referrerOdsCode = odsCode;
        referral.referrerName = request.referrer().name();
        referral.referrerPhone = request.referrer().phone();
        referral.referrerEmail = request.referrer().email();
        referral.channel = arrival.channel();
        referral.fhirIdentifier = arrival.fhirIdentifier();
        referral.nhsNumber = NhsNumber.normalise(person.nhsNumber());
        referral.givenName = person.givenName().strip();
        referral.familyName = person.familyName().strip();
        referral.birthDate = person.birthDate();
        referral.gender = person.gender();
        referral.postcode = person.postcode() == null ? null : person.postcode().toUpperCase().strip();
        referral.phone = person.phone();
        referral.email = person.email();
        referral.language = person.language();
        referral.interpreterNeeded = Boolean.TRUE.equals(person.interpreterNeeded());
        referral.preferredContact = person.preferredContact();
        referral.accessibilityNeeds = person.accessibilityNeeds();
        referral.conditions = request.conditions().stream()
                .map(c -> new Referral.Condition(c.snomedCode(), c.display().strip(), c.kind())).toList();
        referral.reason = request.reason().strip();
        referral.supportWanted = request.supportWanted() == null ? List.of()
                : request.supportWanted().stream().distinct().toList();
        NewReferral.Preferences preferences = request.preferences();
        referral.preferences = preferences == null
                ? new Referral.Preferences(null, List.of(), null, null)
                : new Referral.Preferences(preferences.peerGender(),
                        preferences.formats() == null ? List.of() : preferences.formats().stream().distinct().toList(),
                        preferences.sharedCondition(), preferences.sharedCultureOrLanguage());
        referral.consentPeerSupport = request.consent().peerSupport();
        referral.consentShareWithGp = request.consent().shareWithGp();
        referral.consentContact = request.consent().contact();
        referral.consentSource = arrival.consentSource();
        referral.safeguardingConcern = request.safeguarding() != null
                && Boolean.TRUE.equals(request.safeguarding().concern());
        referral.safeguardingDetails = request.safeguarding() == null ? null : request.safeguarding().details();
        referral.urgency = request.urgency() == null ? Referral.Urgency.ROUTINE : request.urgency();
        referral.imdDecile = request.imdDecile();
        referral.idempotencyKey = arrival.idempotencyKey();
        referral.possibleDuplicateOf = openReferralFor(referral.nhsNumber).orElse(null);
        referral.persist();

        StatusChange received = new StatusChange();
        received.referralId = referral.id;
        received.toStatus = ReferralStatus.RECEIVED;
        received.reason = "referred by " + referral.referrerType + " via " + referral.channel
                + (referral.possibleDuplicateOf == null ? "" : "; possible duplicate of " + referral.possibleDuplicateOf);
        received.actor = caller.user();
        received.changedAt = now;
        received.persist();

        outbox.publish(ReferralEvents.received(referral, LocalDate.now(clock)));
        return referral;
    }
}
