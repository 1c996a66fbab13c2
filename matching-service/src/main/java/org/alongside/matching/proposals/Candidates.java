package org.alongside.matching.proposals;

import java.util.HashSet;
import org.alongside.matching.peers.Peer;

/** Peers as the scorer sees them. */
public final class Candidates {

    private Candidates() {
    }

    /** The peer as a candidate; {@code offeredPlaces}: their places offered in open proposals. */
    public static Scorer.Candidate of(Peer peer, int offeredPlaces) {
        return new Scorer.Candidate(peer.id, peer.status, peer.capacity, peer.activeClients, offeredPlaces,
                peer.livedExperience, peer.gender, peer.languages, new HashSet<>(peer.settings),
                new HashSet<>(peer.media), new HashSet<>(peer.localities), new HashSet<>(peer.availability),
                peer.culture, peer.ethnicity, peer.faith, new HashSet<>(peer.experiences), peer.boundaries);
    }
}
