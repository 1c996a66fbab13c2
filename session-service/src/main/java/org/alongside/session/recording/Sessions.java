package org.alongside.session.recording;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.alongside.session.match.Match;
import org.alongside.session.match.Matches;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Records sessions for matched pairs, announces them without their notes, and answers who may read what. */
@ApplicationScoped
public class Sessions {

    private final Matches matches;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration futureWindow;

    Sessions(Matches matches, Outbox outbox, Clock clock,
            @ConfigProperty(name = "alongside.sessions.future-window", defaultValue = "P1D") Duration futureWindow) {
        this.matches = matches;
        this.outbox = outbox;
        this.clock = clock;
        this.futureWindow = futureWindow;
    }

    /** A session already recorded under this idempotency key, if any. */
    public Optional<Session> byIdempotencyKey(String key) {
        return key == null ? Optional.empty() : Session.find("idempotencyKey", key).firstResultOptional();
    }

    @Transactional
    public Session record(NewSession request, String idempotencyKey, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Session.Focus> focus = request.focus().stream().distinct().toList();
        SessionRules.checkStartedAt(request.startedAt(), now, futureWindow);
        SessionRules.checkFocus(request.attendance(), focus);
        Match match = SessionRules.matchToRecordUnder(recordingPeer(caller), request.referralId(), request.peerId(),
                matches.ofPairLocked(request.referralId(), request.peerId()), request.startedAt());

        Session session = new Session();
        session.id = UUID.randomUUID();
        session.referralId = request.referralId();
        session.peerId = request.peerId();
        session.matchId = match.id;
        session.startedAt = request.startedAt();
        session.durationMinutes = request.durationMinutes();
        session.format = request.format();
        session.attendance = request.attendance();
        session.focus = focus;
        session.notes = request.notes() == null || request.notes().isBlank() ? null : request.notes().strip();
        session.sharedLivedExperience = request.sharedLivedExperience();
        session.recordedAt = now;
        session.recordedBy = caller.user();
        session.idempotencyKey = idempotencyKey;
        session.persist();

        outbox.publish(EventTypes.SESSION_RECORDED, session.referralId, SessionEvents.Recorded.of(session));
        return session;
    }

    /** The session if the caller may see it; out of scope is indistinguishable from absent (404). */
    public Session visibleTo(UUID id, Caller caller) {
        Session session = Session.findById(id);
        if (session == null || !inScope(session.referralId, caller)) {
            throw ProblemException.notFound("Session", id);
        }
        return session;
    }

    /** A referral's sessions, most recent first. */
    public List<Session> ofReferral(UUID referralId, Caller caller) {
        if (!inScope(referralId, caller)) {
            throw SessionRules.notYourClient(referralId);
        }
        return Session.list("referralId = ?1 order by startedAt desc, recordedAt desc", referralId);
    }

    public boolean mayReadNotes(Session session, Caller caller) {
        return SessionRules.mayReadNotes(isCoordinatorOrAdmin(caller), peerWorker(caller), session.peerId);
    }

    /** Peer workers see the sessions of the referrals matched to them now; the other reading roles see all. */
    private boolean inScope(UUID referralId, Caller caller) {
        if (isCoordinatorOrAdmin(caller) || caller.is(Roles.SUPERVISOR)) {
            return true;
        }
        Optional<UUID> own = peerWorker(caller);
        return own.isPresent() && matches.active(referralId).map(m -> m.peerId.equals(own.get())).orElse(false);
    }

    /** The peer id a peer worker records as; empty for coordinators and admins, who may record for any peer. */
    private Optional<UUID> recordingPeer(Caller caller) {
        if (isCoordinatorOrAdmin(caller)) {
            return Optional.empty();
        }
        return Optional.of(caller.peerId().orElseThrow(() -> ProblemException.forbidden(
                "A peer worker's token must carry the peerId of their peer profile")));
    }

    private static Optional<UUID> peerWorker(Caller caller) {
        return caller.is(Roles.PEER_WORKER) ? caller.peerId() : Optional.empty();
    }

    private static boolean isCoordinatorOrAdmin(Caller caller) {
        return caller.is(Roles.COORDINATOR) || caller.is(Roles.ADMIN);
    }
}
