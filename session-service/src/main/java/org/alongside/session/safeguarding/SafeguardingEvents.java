package org.alongside.session.safeguarding;

import static org.alongside.platform.events.Vocabulary.as;

import org.alongside.platform.events.sessions.SafeguardingClosed;
import org.alongside.platform.events.sessions.SafeguardingRaised;
import org.alongside.platform.events.sessions.SafeguardingRaisedV2;

/**
 * safeguarding.raised (version 2: with the responsible supervisor) and safeguarding.closed, in the contract's
 * records: ids, the category and the urgency only; never what happened or what was done.
 */
final class SafeguardingEvents {

    private SafeguardingEvents() {
    }

    /** {@code supervisor}: the token subject of the peer's supervisor, null when the peer has none. */
    static SafeguardingRaisedV2 raised(Concern c, String supervisor) {
        return new SafeguardingRaisedV2(c.id, c.referralId, c.peerId, c.sessionId,
                as(SafeguardingRaised.Category.class, c.category), c.immediateRisk, supervisor, c.raisedAt);
    }

    static SafeguardingClosed closed(Concern c) {
        return new SafeguardingClosed(c.id, c.referralId, c.closedAt);
    }
}
