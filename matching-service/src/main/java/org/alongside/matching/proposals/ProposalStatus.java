package org.alongside.matching.proposals;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = """
        PROPOSED: awaiting a decision. ACCEPTED: the person is matched with this peer. DECLINED: turned down, with a
        reason. SUPERSEDED: another proposal for the same referral was accepted. WITHDRAWN: no longer offered: the
        peer stopped fitting (on leave, ruled out, changed profile) or the referral ended.""")
public enum ProposalStatus { PROPOSED, ACCEPTED, DECLINED, SUPERSEDED, WITHDRAWN }
