package org.alongside.matching.proposals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.alongside.matching.peers.Peer;
import org.alongside.matching.vocabulary.SupportFormat;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.outbox.Outbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Proposes peers for a newly accepted referral, or records why it has to wait. */
@ApplicationScoped
public class Shortlists {

    private static final Logger LOG = Logger.getLogger(Shortlists.class);

    private final Outbox outbox;
    private final Clock clock;
    private final int size;

    Shortlists(Outbox outbox, Clock clock,
            @ConfigProperty(name = "alongside.matching.shortlist-size", defaultValue = "3") int size) {
        if (size < 1) {
            throw new IllegalArgumentException("alongside.matching.shortlist-size must be at least 1, was " + size);
        }
        this.outbox = outbox;
        this.clock = clock;
        this.size = size;
    }

    /**
     * Records the referral and its shortlist. A referral matching already knows is left alone, so a second
     * {@code referral.accepted} for it (even with a new event id) never makes a second shortlist.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void propose(UUID referralId, ReferralAccepted accepted, OffsetDateTime eventTime) {
        if (Referral.findById(referralId) != null) {
            LOG.infof("Referral %s already has a shortlist; accepted again, ignored", referralId);
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ReferralAccepted.Preferences preferences = accepted.preferences();
        Referral referral = new Referral();
        referral.id = referralId;
        referral.conditions = List.copyOf(accepted.conditions());
        referral.peerGender = preferences == null ? null : preferences.peerGender();
        referral.formats = preferences == null || preferences.formats() == null ? List.of()
                : preferences.formats().stream().distinct().toList();
        referral.sharedCondition = preferences == null ? null : preferences.sharedCondition();
        referral.language = accepted.language();
        referral.interpreterNeeded = accepted.interpreterNeeded();
        referral.acceptedAt = accepted.acceptedAt() != null ? accepted.acceptedAt()
                : eventTime != null ? eventTime : now;
        referral.updatedAt = now;

        List<Scorer.Candidate> candidates = Peer.<Peer>listAll().stream().map(Shortlists::candidate).toList();
        Scorer.Shortlist shortlist = Scorer.shortlist(referral.needs(), candidates, size);
        if (shortlist.ranked().isEmpty()) {
            referral.status = MatchingStatus.WAITING;
            referral.waitingReason = shortlist.waitingReason();
            referral.persist();
            LOG.infof("Referral %s waits: %s", referralId, referral.waitingReason);
            return;
        }
        referral.status = MatchingStatus.PROPOSED;
        referral.persist();

        List<MatchEvents.Proposed.Item> items = new ArrayList<>();
        int rank = 1;
        for (Scorer.Scored scored : shortlist.ranked()) {
            Proposal proposal = new Proposal();
            proposal.id = UUID.randomUUID();
            proposal.referralId = referralId;
            proposal.peerId = scored.candidate().peerId();
            proposal.rank = rank++;
            proposal.score = scored.score();
            proposal.reasons = scored.reasons();
            proposal.status = ProposalStatus.PROPOSED;
            proposal.proposedAt = now;
            proposal.persist();
            items.add(new MatchEvents.Proposed.Item(proposal.id, proposal.peerId, proposal.rank, proposal.score));
        }
        outbox.publish(EventTypes.MATCH_PROPOSED, referralId, new MatchEvents.Proposed(referralId, items, now));
    }

    private static Scorer.Candidate candidate(Peer peer) {
        return new Scorer.Candidate(peer.id, peer.active, peer.capacity, peer.activeClients, peer.livedExperience,
                peer.gender, peer.languages,
                peer.formats.isEmpty() ? EnumSet.noneOf(SupportFormat.class) : EnumSet.copyOf(peer.formats));
    }
}
