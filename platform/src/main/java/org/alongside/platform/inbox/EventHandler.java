package org.alongside.platform.inbox;

import org.alongside.platform.events.EventEnvelope;

/**
 * A service's reaction to one event type. Implementations are CDI beans; {@link EventConsumer} finds them,
 * subscribes to the topics their types live on, and calls {@link #handle} inside the transaction that also
 * records the event in the inbox, so the effect happens once however often the event is delivered.
 */
public interface EventHandler {

    String eventType();

    /**
     * Applies the event. Throw {@link PoisonEventException} when the event can never be applied (it goes to the
     * dead-letter topic at once); any other exception is retried a few times before it does.
     */
    void handle(EventEnvelope event) throws Exception;
}
