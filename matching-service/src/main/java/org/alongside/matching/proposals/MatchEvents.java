package org.alongside.matching.proposals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The data of the events this service publishes: ids, scores and codes only. */
final class MatchEvents {

    private MatchEvents() {
    }

    record Proposed(UUID referralId, List<Item> proposals, OffsetDateTime proposedAt) {
        record Item(UUID proposalId, UUID peerId, int rank, int score) {
        }
    }

    record Accepted(UUID referralId, UUID proposalId, UUID peerId, int score, OffsetDateTime acceptedAt) {
    }

    record Declined(UUID referralId, UUID proposalId, UUID peerId, String reason, OffsetDateTime declinedAt) {
    }

    record Ended(UUID referralId, UUID peerId, String reason, OffsetDateTime endedAt) {
    }
}
