package org.alongside.referral.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.events.EventTypes;
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

    /** A referral already created under this idempotency key, if any. */
    public Optional<Referral> byIdempotencyKey(String key) {
        return key == null ? Optional.empty() : Referral.find("idempotencyKey", key).firstResultOptional();
    }

    @Transactional
    public Referral receive(NewReferral request, String idempotencyKey, Caller caller) {
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
        referral.conditions = request.conditions().stream()
                .map(c -> new Referral.Condition(c.snomedCode(), c.display().strip(), c.kind())).toList();
        referral.reason = request.reason().strip();
        NewReferral.Preferences preferences = request.preferences();
        referral.preferences = preferences == null
                ? new Referral.Preferences(null, List.of(), null)
                : new Referral.Preferences(preferences.peerGender(),
                        preferences.formats() == null ? List.of() : preferences.formats().stream().distinct().toList(),
                        preferences.sharedCondition());
        referral.consentPeerSupport = request.consent().peerSupport();
        referral.consentShareWithGp = request.consent().shareWithGp();
        referral.imdDecile = request.imdDecile();
        referral.idempotencyKey = idempotencyKey;
        referral.persist();

        StatusChange received = new StatusChange();
        received.referralId = referral.id;
        received.toStatus = ReferralStatus.RECEIVED;
        received.reason = "referred by " + referral.referrerType;
        received.actor = caller.user();
        received.changedAt = now;
        received.persist();

        outbox.publish(EventTypes.REFERRAL_RECEIVED, referral.id, new ReferralEvents.Received(referral.id,
                referral.referrerType, referral.referrerOdsCode, referral.conditions,
                referral.ageBand(LocalDate.now(clock)), referral.gender, referral.imdDecile, referral.receivedAt));
        return referral;
    }
}
