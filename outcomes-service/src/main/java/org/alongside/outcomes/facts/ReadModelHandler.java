package org.alongside.outcomes.facts;

import org.alongside.platform.inbox.EventHandler;

/**
 * An event handler that writes the commissioning read model. Besides the live consumer, the read model rebuild
 * replays the topics through exactly these handlers, so each must leave the same facts however often, and in
 * whatever order across topics, it sees an event.
 */
public interface ReadModelHandler extends EventHandler {
}
