package org.alongside.matching.proposals;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an accepted referral is in matching. */
@Schema(description = """
        WAITING: no peer can be proposed now (see waitingReason). PROPOSED: a shortlist awaits a coordinator's
        decision. MATCHED: a proposal was accepted.""")
public enum MatchingStatus { WAITING, PROPOSED, MATCHED }
