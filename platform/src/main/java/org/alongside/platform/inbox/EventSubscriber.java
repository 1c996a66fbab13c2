package org.alongside.platform.inbox;

/**
 * A service's reactions to the events of one upstream stream: a CDI bean whose methods are named after the events
 * (as FTGO's consumers are), listed by {@link #handlers()}. {@link EventConsumer} finds every subscriber, subscribes
 * to their topics and calls the method of each event inside the transaction that also records the event in the
 * inbox, so its effect happens once however often the event is delivered.
 */
public interface EventSubscriber {

    /** The stream and, for each event type handled, its method; asked once, at start. */
    EventHandlers handlers();
}
