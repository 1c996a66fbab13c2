package org.alongside.session.recording;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.ProblemException;
import org.alongside.session.access.Access;
import org.alongside.session.goal.Goals;
import org.alongside.session.match.Match;
import org.alongside.session.match.Matches;
import org.alongside.session.match.Restrictions;
import org.alongside.session.safeguarding.Concern;
import org.alongside.session.safeguarding.Concerns;
import org.alongside.session.signposting.SignpostView;
import org.alongside.session.signposting.Signposting;

/**
 * Records sessions for matched pairs with what came out of them (signposting, a safeguarding concern, goals
 * reviewed), keeps every version, and announces each version without its notes.
 */
@ApplicationScoped
public class Sessions {

    private final Matches matches;
    private final Signposting signposting;
    private final Concerns concerns;
    private final Goals goals;
    private final Outbox outbox;
    private final Restrictions restrictions;
    private final Clock clock;
    private final Duration futureWindow;
    private final Duration nextSessionHorizon;

    Sessions(Matches matches, Signposting signposting, Concerns concerns, Goals goals, Outbox outbox,
            Restrictions restrictions, Clock clock, SessionsConfig config) {
        this.matches = matches;
        this.signposting = signposting;
        this.concerns = concerns;
        this.goals = goals;
        this.outbox = outbox;
        this.restrictions = restrictions;
        this.clock = clock;
        this.futureWindow = config.futureWindow();
        this.nextSessionHorizon = config.nextSessionHorizon();
    }

    /** A session already recorded under this idempotency key, if any. */
    public Optional<Session> byIdempotencyKey(String key) {
        return key == null ? Optional.empty() : Session.find("idempotencyKey", key).firstResultOptional();
    }

    /** Records the session and everything that came out of it, all or nothing. */
    @Transactional
    public Session record(NewSession request, String idempotencyKey, Access access) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        SessionContent content = request.content().normalised();
        SessionRules.checkContent(content, now, futureWindow, nextSessionHorizon);
        Match match = SessionRules.matchToRecordUnder(access.actingPeer(), request.referralId(), request.peerId(),
                matches.ofPairLocked(request.referralId(), request.peerId()), content.startedAt());
        restrictions.requireMayRecord(request.referralId());

        Session session = new Session();
        session.id = UUID.randomUUID();
        session.referralId = request.referralId();
        session.peerId = request.peerId();
        session.matchId = match.id;
        content.applyTo(session);
        session.status = Session.Status.RECORDED;
        session.version = 1;
        session.firstRecordedAt = now;
        session.recordedAt = now;
        session.recordedBy = access.user();
        session.idempotencyKey = idempotencyKey;
        session.persist();
        SessionVersion.of(session, null).persist();
        outbox.publish(SessionEvents.recorded(session));

        if (request.goalProgress() != null) {
            goals.reviewedInSession(session.referralId, session.id, request.goalProgress(), access.user());
        }
        if (request.signposting() != null) {
            signposting.fromSession(session.referralId, session.id, request.signposting(), access.user());
        }
        if (request.safeguardingConcern() != null) {
            concerns.raise(session.referralId, session.peerId, session.id, request.safeguardingConcern(),
                    access.user());
        }
        return session;
    }

    /** Corrects a session: a new version, the earlier kept. The same content again changes nothing. */
    @Transactional
    public Session edit(UUID id, SessionEdit edit, Access access) {
        Session session = lockedVisible(id, access);
        Optional<UUID> actingPeer = access.actingPeer();
        SessionRules.checkMayChange(session, actingPeer);
        restrictions.requireMayRecord(session.referralId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        SessionContent content = edit.content().normalised();
        SessionRules.checkContent(content, now, futureWindow, nextSessionHorizon);
        if (content.sameAs(SessionContent.of(session))) {
            return session;
        }
        Match match = SessionRules.matchToRecordUnder(actingPeer, session.referralId, session.peerId,
                matches.ofPairLocked(session.referralId, session.peerId), content.startedAt());
        session.matchId = match.id;
        content.applyTo(session);
        newVersion(session, now, access.user(), edit.reason() == null || edit.reason().isBlank()
                ? null : edit.reason().strip());
        return session;
    }

    /**
     * Marks a mistaken record entered-in-error: kept, with why, and announced again with status ENTERED_IN_ERROR
     * so that counts drop it. What the session raised (a safeguarding concern above all) stays as it was.
     */
    @Transactional
    public Session enteredInError(UUID id, String reason, Access access) {
        Session session = lockedVisible(id, access);
        Optional<UUID> actingPeer = access.actingPeer();
        SessionRules.checkMayChange(session, actingPeer);
        // the accuracy of the record outlasts consent: only erasure stops a mistaken record being marked
        restrictions.requireNotErased(session.referralId);
        if (actingPeer.isPresent()) {
            // a peer corrects only the records of people they still support
            SessionRules.matchToRecordUnder(actingPeer, session.referralId, session.peerId,
                    matches.ofPairLocked(session.referralId, session.peerId), session.startedAt);
        }
        session.status = Session.Status.ENTERED_IN_ERROR;
        session.enteredInErrorReason = reason.strip();
        newVersion(session, OffsetDateTime.now(clock), access.user(), session.enteredInErrorReason);
        return session;
    }

    /** The session if the caller may see it; out of scope is indistinguishable from absent (404). */
    public Session visibleTo(UUID id, Access access) {
        Session session = Session.findById(id);
        if (session == null || !access.seesReferral(session.referralId)) {
            throw ProblemException.notFound("Session", id);
        }
        return session;
    }

    /** A referral's sessions, most recent first; entered-in-error ones too, marked so. */
    public List<Session> ofReferral(UUID referralId, Access access) {
        access.requireReferral(referralId);
        return Session.list("referralId = ?1 order by startedAt desc, firstRecordedAt desc", referralId);
    }

    /** Every version of a session, oldest first. */
    public List<SessionVersion> versions(Session session) {
        return SessionVersion.list("sessionId = ?1 order by version", session.id);
    }

    /** The sessions as their reader sees them, with their signposting and concerns. */
    public List<SessionView> views(List<Session> sessions, Access access) {
        List<UUID> ids = sessions.stream().map(s -> s.id).toList();
        Map<UUID, List<SignpostView>> signposts = signposting.ofSessions(ids).stream()
                .collect(Collectors.groupingBy(s -> s.sessionId,
                        Collectors.mapping(SignpostView::of, Collectors.toList())));
        Map<UUID, List<UUID>> concernIds = ids.isEmpty() ? Map.of()
                : Concern.<Concern>list("sessionId in ?1 order by raisedAt", ids).stream()
                        .collect(Collectors.groupingBy(c -> c.sessionId,
                                Collectors.mapping(c -> c.id, Collectors.toList())));
        return sessions.stream().map(s -> SessionView.of(s, access.mayReadRestricted(s.peerId, s.referralId, s.matchId),
                signposts.getOrDefault(s.id, List.of()), concernIds.getOrDefault(s.id, List.of()))).toList();
    }

    public SessionView view(Session session, Access access) {
        return views(List.of(session), access).get(0);
    }

    private void newVersion(Session session, OffsetDateTime now, String by, String reason) {
        session.version++;
        session.recordedAt = now;
        session.recordedBy = by;
        SessionVersion.of(session, reason).persist();
        outbox.publish(SessionEvents.recorded(session));
    }

    private Session lockedVisible(UUID id, Access access) {
        Session session = Session.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (session == null || !access.seesReferral(session.referralId)) {
            throw ProblemException.notFound("Session", id);
        }
        return session;
    }
}
