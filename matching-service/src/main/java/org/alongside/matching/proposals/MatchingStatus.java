package org.alongside.matching.proposals;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an accepted referral is in matching. */
@Schema(description = """
        WAITING: no peer can be proposed now (see waitingReason); matched again as soon as a peer is added or frees a
        place. PROPOSED: proposals await the person's choice. MATCHED: a proposal was accepted. ENDED: the match
        ended (the referral was closed or withdrawn) and the peer's place was given back. WITHDRAWN: the referral
        was withdrawn (or closed) before a match.""")
public enum MatchingStatus { WAITING, PROPOSED, MATCHED, ENDED, WITHDRAWN }
