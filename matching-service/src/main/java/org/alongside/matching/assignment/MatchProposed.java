package org.alongside.matching.assignment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The data of {@code match.proposed} for a run's proposal: the same shape as a shortlist's, with one item. */
record MatchProposed(UUID referralId, List<Item> proposals, OffsetDateTime proposedAt) {

    record Item(UUID proposalId, UUID peerId, int rank, int score) {
    }
}
