package org.alongside.matching.proposals;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a proposal was turned down: a coded reason (published), and a note for the record (never published). */
@Schema(name = "ProposalDecline")
public record Decline(
        @NotNull Reason reason,
        @Size(max = 2000) @Schema(description = "Kept with the proposal; never leaves matching-service") String note) {

    @Schema(name = "ProposalDeclineReason", description = """
            PERSON_DECLINED: the person did not want this peer. PEER_DECLINED: the peer cannot take this person on.
            CONFLICT_OF_INTEREST: they know each other, or similar. NOT_A_GOOD_FIT: the coordinator's judgement. OTHER.""")
    public enum Reason { PERSON_DECLINED, PEER_DECLINED, CONFLICT_OF_INTEREST, NOT_A_GOOD_FIT, OTHER }
}
