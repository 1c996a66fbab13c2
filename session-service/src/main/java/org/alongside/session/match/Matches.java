package org.alongside.session.match;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** What this service knows about who supports whom, and whether the person's support is still open. */
@ApplicationScoped
public class Matches {

    private static final Logger LOG = Logger.getLogger(Matches.class);

    /** The referral's current match, if it has one. */
    public Optional<Match> active(UUID referralId) {
        return Match.find("referralId = ?1 and endedAt is null", referralId).firstResultOptional();
    }

    /** Whether the referral is, or was, matched with any of these peers: a supervisor's scope over a person. */
    public boolean everMatchedWith(UUID referralId, java.util.Collection<UUID> peers) {
        return !peers.isEmpty() && Match.count("referralId = ?1 and peerId in ?2", referralId, peers) > 0;
    }

    /** Whether this match ended because the person was transferred to another peer. */
    public boolean transferred(UUID matchId) {
        return Match.count("id = ?1 and endReason = ?2", matchId, Match.TRANSFERRED) > 0;
    }

    /** The referrals a peer supports now, longest supported first. */
    public List<Match> activeOfPeer(UUID peerId) {
        return Match.list("peerId = ?1 and endedAt is null order by matchedAt", peerId);
    }

    /**
     * Every match, current or ended, between a referral and a peer; locked against a concurrent replacement
     * until the caller's transaction ends, so a session is never filed under a match that has just ended.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Match> ofPairLocked(UUID referralId, UUID peerId) {
        return Match.<Match>find("referralId = ?1 and peerId = ?2 order by matchedAt desc", referralId, peerId)
                .withLock(LockModeType.PESSIMISTIC_READ).list();
    }

    /** The referral as this service knows it, if any event has told it about the referral. */
    public Optional<ReferralState> referral(UUID referralId) {
        return ReferralState.findByIdOptional(referralId);
    }

    /** Applies an accepted match (from matching-service) and returns what it changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MatchChange accepted(UUID referralId, UUID peerId, UUID proposalId, OffsetDateTime acceptedAt) {
        ReferralState referral = referralLocked(referralId);
        if (referral.acceptedAt == null || acceptedAt.isBefore(referral.acceptedAt)) {
            // a match means the referral was accepted, even if referral.accepted has not arrived yet
            referral.acceptedAt = acceptedAt;
        }
        Match active = active(referralId).orElse(null);
        boolean proposalKnown = Match.count("proposalId", proposalId) > 0;
        MatchChange change = MatchChange.of(active, peerId, acceptedAt, proposalKnown, referral.endedAt != null);
        switch (change) {
            case FIRST -> newMatch(referralId, peerId, proposalId, acceptedAt).persist();
            case REPLACES -> {
                Match replacement = newMatch(referralId, peerId, proposalId, acceptedAt);
                active.end(acceptedAt, Match.REPLACED);
                active.replacedBy = replacement.id;
                // Hibernate inserts before it updates: end the old match first, one active match per referral
                Match.flush();
                replacement.persist();
            }
            case REFERRAL_ENDED -> {
                // the referral's end and the match travel on different topics and may arrive in either order
                Match ended = newMatch(referralId, peerId, proposalId, acceptedAt);
                ended.end(referral.endedAt.isBefore(acceptedAt) ? acceptedAt : referral.endedAt,
                        endReason(referral.endedAs));
                ended.persist();
            }
            case ALREADY_MATCHED -> LOG.debugf("Referral %s is already matched to peer %s", referralId, peerId);
            case STALE -> LOG.infof("Ignored match of referral %s with peer %s accepted at %s: the current match "
                    + "(peer %s) was accepted later, at %s", referralId, peerId, acceptedAt, active.peerId,
                    active.matchedAt);
        }
        return change;
    }

    /**
     * Ends the referral's current match with this peer (matching-service's match.ended). A match already ended, or
     * one with another peer now, is left alone: the event is old news.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean ended(UUID referralId, UUID peerId, String reason, OffsetDateTime endedAt) {
        Optional<Match> active = active(referralId).filter(m -> m.peerId.equals(peerId));
        if (active.isEmpty()) {
            LOG.infof("match.ended for referral %s and peer %s: no such active match, nothing to end", referralId,
                    peerId);
            return false;
        }
        Match match = active.get();
        match.end(endedAt.isBefore(match.matchedAt) ? match.matchedAt : endedAt, reason);
        return true;
    }

    /** Records that the referral was accepted for support (referral-service's referral.accepted). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralAccepted(UUID referralId, OffsetDateTime acceptedAt) {
        ReferralState referral = referralLocked(referralId);
        if (referral.acceptedAt == null || acceptedAt.isBefore(referral.acceptedAt)) {
            referral.acceptedAt = acceptedAt;
        }
    }

    /**
     * The referral was closed or withdrawn: its support has ended, and so has its match. The first ending
     * recorded stands (a referral ends once).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralEnded(UUID referralId, ReferralState.Ending ending, String reason, OffsetDateTime endedAt) {
        ReferralState referral = referralLocked(referralId);
        if (referral.endedAt != null) {
            LOG.infof("Referral %s already ended (%s at %s); %s ignored", referralId, referral.endedAs,
                    referral.endedAt, ending);
            return;
        }
        referral.endedAt = endedAt;
        referral.endedAs = ending;
        referral.endReason = reason;
        active(referralId).ifPresent(match ->
                match.end(endedAt.isBefore(match.matchedAt) ? match.matchedAt : endedAt, endReason(ending)));
    }

    /** The person withdrew consent (referral-service's referral.consent-withdrawn); the first time recorded stands. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consentWithdrawn(UUID referralId, OffsetDateTime at) {
        ReferralState referral = referralLocked(referralId);
        if (referral.consentWithdrawnAt == null) {
            referral.consentWithdrawnAt = at;
        }
    }

    /** Marks the referral erased (referral.erased) and returns its state, locked for the erasure. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReferralState erased(UUID referralId, OffsetDateTime at) {
        ReferralState referral = referralLocked(referralId);
        if (referral.erasedAt == null) {
            referral.erasedAt = at;
        }
        return referral;
    }

    private static String endReason(ReferralState.Ending ending) {
        return ending == ReferralState.Ending.CLOSED ? Match.REFERRAL_CLOSED : Match.REFERRAL_WITHDRAWN;
    }

    private static ReferralState referralLocked(UUID referralId) {
        ReferralState.getEntityManager().createNativeQuery(
                "INSERT INTO referral_state (referral_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, referralId).executeUpdate();
        return ReferralState.getEntityManager().find(ReferralState.class, referralId,
                LockModeType.PESSIMISTIC_WRITE);
    }

    private static Match newMatch(UUID referralId, UUID peerId, UUID proposalId, OffsetDateTime acceptedAt) {
        Match match = new Match();
        match.id = UUID.randomUUID();
        match.referralId = referralId;
        match.peerId = peerId;
        match.proposalId = proposalId;
        match.matchedAt = acceptedAt;
        return match;
    }
}
