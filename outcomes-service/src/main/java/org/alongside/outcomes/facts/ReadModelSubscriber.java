package org.alongside.outcomes.facts;

import org.alongside.platform.inbox.EventSubscriber;

/**
 * A subscriber that writes the commissioning read model. Besides the live consumer, the read model rebuild replays
 * the topics through exactly these subscribers, so each must leave the same facts however often, and in whatever
 * order across topics, it sees an event.
 */
public interface ReadModelSubscriber extends EventSubscriber {
}
