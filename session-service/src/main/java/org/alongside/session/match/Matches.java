package org.alongside.session.match;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** What this service knows about who supports whom. */
@ApplicationScoped
public class Matches {

    private static final Logger LOG = Logger.getLogger(Matches.class);

    /** The referral's current match, if it has one. */
    public Optional<Match> active(UUID referralId) {
        return Match.find("referralId = ?1 and endedAt is null", referralId).firstResultOptional();
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

    /** Applies an accepted match (from matching-service) and returns what it changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MatchChange accepted(UUID referralId, UUID peerId, UUID proposalId, OffsetDateTime acceptedAt) {
        Match active = active(referralId).orElse(null);
        MatchChange change = MatchChange.of(active, peerId, acceptedAt);
        switch (change) {
            case FIRST -> newMatch(referralId, peerId, proposalId, acceptedAt).persist();
            case REPLACES -> {
                Match replacement = newMatch(referralId, peerId, proposalId, acceptedAt);
                active.endedAt = acceptedAt;
                active.replacedBy = replacement.id;
                // Hibernate inserts before it updates: end the old match first, one active match per referral
                Match.flush();
                replacement.persist();
            }
            case ALREADY_MATCHED -> LOG.debugf("Referral %s is already matched to peer %s", referralId, peerId);
            case STALE -> LOG.infof("Ignored match of referral %s with peer %s accepted at %s: the current match "
                    + "(peer %s) was accepted later, at %s", referralId, peerId, acceptedAt, active.peerId,
                    active.matchedAt);
        }
        return change;
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
