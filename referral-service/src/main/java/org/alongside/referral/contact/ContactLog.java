package org.alongside.referral.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.query.Page;
import org.alongside.platform.security.Caller;
import org.alongside.referral.lifecycle.Referral;
import org.alongside.referral.lifecycle.Referrals;

/**
 * The attempts to reach a person, and what they add up to: after a configured number of failed attempts in a row
 * (none reaching the person since), the referral is unable to contact.
 */
@ApplicationScoped
public class ContactLog {

    private final Referrals referrals;
    private final ContactConfig config;
    private final Clock clock;

    ContactLog(Referrals referrals, ContactConfig config, Clock clock) {
        this.referrals = referrals;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public ContactAttempt record(UUID referralId, ContactResource.NewAttempt attempt, Caller caller) {
        Referral referral = referrals.visibleTo(referralId, caller);
        ContactAttempt recorded = new ContactAttempt();
        recorded.id = UUID.randomUUID();
        recorded.referralId = referral.id;
        recorded.attemptedAt = attempt.attemptedAt().truncatedTo(ChronoUnit.MICROS); // as it reads back
        recorded.method = attempt.method();
        recorded.outcome = attempt.outcome();
        recorded.note = attempt.note() == null || attempt.note().isBlank() ? null : attempt.note().strip();
        recorded.recordedBy = caller.user();
        recorded.recordedAt = OffsetDateTime.now(clock);
        recorded.persist();
        referral.unableToContact = failedInARow(referral.id) >= config.failedAttemptsBeforeUnableToContact();
        return recorded;
    }

    public Page<ContactAttempt> attempts(UUID referralId, Caller caller, int page, int size) {
        Referral referral = referrals.visibleTo(referralId, caller);
        var query = ContactAttempt.<ContactAttempt>find("referralId = ?1 order by attemptedAt desc, recordedAt desc",
                referral.id);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    /** Every attempt to reach the person, latest first: for their subject access export. */
    public static List<ContactAttempt> all(UUID referralId) {
        return ContactAttempt.list("referralId = ?1 order by attemptedAt desc, recordedAt desc", referralId);
    }

    /** Failed attempts since the person was last reached, by when they were made (an attempt may be logged late). */
    private static long failedInARow(UUID referralId) {
        List<ContactAttempt> latestFirst = ContactAttempt.list("referralId = ?1 order by attemptedAt desc",
                referralId);
        return latestFirst.stream().takeWhile(a -> !a.outcome.reached).count();
    }
}
