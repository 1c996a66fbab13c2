package org.alongside.matching.peers;

import java.util.UUID;

/**
 * A peer was added or their profile replaced (fired inside the transaction that did it): open proposals may no
 * longer fit, and waiting referrals may fit now.
 */
public record PeerChanged(UUID peerId) {
}
