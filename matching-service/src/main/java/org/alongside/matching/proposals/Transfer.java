package org.alongside.matching.proposals;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A coordinator moves a matched person to another peer: why, and to whom if already chosen. */
@Schema(name = "TransferInput")
public record Transfer(
        @NotNull(message = "is required: PEER_LEFT, PEER_ON_LEAVE, PERSON_ASKED or OTHER") Reason reason,
        @Schema(description = "The peer the person moves to: ACTIVE, with a free place. Left out, the person is "
                + "proposed peers afresh (not the previous one) and chooses as usual.") UUID peerId) {

    @Schema(name = "TransferReason", description = """
            PEER_LEFT: the peer left the service. PEER_ON_LEAVE: the peer is on leave. PERSON_ASKED: the person asked \
            for another peer. OTHER.""")
    public enum Reason { PEER_LEFT, PEER_ON_LEAVE, PERSON_ASKED, OTHER }
}
