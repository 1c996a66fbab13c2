package org.alongside.session.signposting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.events.Vocabulary;
import org.alongside.platform.events.sessions.SignpostingUpdated;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.ProblemException;
import org.alongside.session.access.Access;
import org.alongside.session.match.Restrictions;

/**
 * Community resources a person was linked to, and whether they took them up; each change is announced
 * ({@code signposting.updated}: the resource's kind and the take-up, never its name) for the commissioning figures.
 */
@ApplicationScoped
public class Signposting {

    private final Restrictions restrictions;
    private final Clock clock;
    private final Outbox outbox;

    Signposting(Restrictions restrictions, Clock clock, Outbox outbox) {
        this.restrictions = restrictions;
        this.clock = clock;
        this.outbox = outbox;
    }

    @Transactional
    public Signpost record(UUID referralId, NewSignpost request, Access access) {
        access.requireWritableReferral(referralId);
        restrictions.requireMayRecord(referralId);
        return add(referralId, null, request, access.user());
    }

    /** Resources signposted in a session, written in the session's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fromSession(UUID referralId, UUID sessionId, List<NewSignpost> entries, String by) {
        entries.forEach(entry -> add(referralId, sessionId, entry, by));
    }

    @Transactional
    public Signpost updateTakeUp(UUID id, Signpost.TakeUp takeUp, Access access) {
        Signpost signpost = Signpost.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (signpost == null || !access.seesReferral(signpost.referralId)) {
            throw ProblemException.notFound("Signposting", id);
        }
        restrictions.requireMayRecord(signpost.referralId);
        if (signpost.takeUp != takeUp) {
            signpost.takeUp = takeUp;
            signpost.takeUpUpdatedAt = OffsetDateTime.now(clock);
            signpost.takeUpUpdatedBy = access.user();
            announce(signpost, signpost.takeUpUpdatedAt);
        }
        return signpost;
    }

    /** A referral's signposting, most recent first. */
    public List<Signpost> ofReferral(UUID referralId, Access access) {
        access.requireReferral(referralId);
        return Signpost.list("referralId = ?1 order by signpostedAt desc, id", referralId);
    }

    public List<Signpost> ofSessions(Collection<UUID> sessionIds) {
        return sessionIds.isEmpty() ? List.of()
                : Signpost.list("sessionId in ?1 order by signpostedAt, id", sessionIds);
    }

    private Signpost add(UUID referralId, UUID sessionId, NewSignpost entry, String by) {
        Signpost signpost = new Signpost();
        signpost.id = UUID.randomUUID();
        signpost.referralId = referralId;
        signpost.sessionId = sessionId;
        signpost.name = entry.name().strip();
        signpost.category = entry.category();
        signpost.orukServiceId = entry.orukServiceId();
        signpost.takeUp = entry.takeUp() == null ? Signpost.TakeUp.NOT_KNOWN : entry.takeUp();
        signpost.signpostedAt = OffsetDateTime.now(clock);
        signpost.recordedBy = by;
        signpost.persist();
        announce(signpost, signpost.signpostedAt);
        return signpost;
    }

    private void announce(Signpost signpost, OffsetDateTime at) {
        outbox.publish(new SignpostingUpdated(signpost.id, signpost.referralId,
                Vocabulary.as(SignpostingUpdated.Category.class, signpost.category),
                Vocabulary.as(SignpostingUpdated.TakeUp.class, signpost.takeUp), at));
    }
}
