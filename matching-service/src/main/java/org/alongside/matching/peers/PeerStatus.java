package org.alongside.matching.peers;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = """
        ACTIVE: takes new clients. ON_LEAVE: is proposed to no one new; keeps current clients until each is
        transferred. LEFT: no longer with the service; their people are transferred to other peers.""")
public enum PeerStatus {
    ACTIVE, ON_LEAVE, LEFT
}
