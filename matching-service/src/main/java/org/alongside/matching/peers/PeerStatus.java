package org.alongside.matching.peers;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = """
        ACTIVE: takes new clients. ON_LEAVE: keeps current clients, is proposed to no one new. LEFT: no longer with
        the service; only a peer with no active clients can leave.""")
public enum PeerStatus {
    ACTIVE, ON_LEAVE, LEFT
}
