package org.alongside.session.safeguarding;

import static org.alongside.platform.events.Vocabulary.as;

import org.alongside.platform.events.sessions.SafeguardingRaised;

/** safeguarding.raised, in the contract's record: ids, the category and the urgency only; never what happened. */
final class SafeguardingEvents {

    private SafeguardingEvents() {
    }

    static SafeguardingRaised raised(Concern c) {
        return new SafeguardingRaised(c.id, c.referralId, c.peerId, c.sessionId,
                as(SafeguardingRaised.Category.class, c.category), c.immediateRisk, c.raisedAt);
    }
}
