package org.alongside.matching.proposals;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = """
        PROPOSED: awaiting a decision. ACCEPTED: the person is matched with this peer. DECLINED: turned down, with a
        reason. SUPERSEDED: another proposal for the same referral was accepted.""")
public enum ProposalStatus { PROPOSED, ACCEPTED, DECLINED, SUPERSEDED }
