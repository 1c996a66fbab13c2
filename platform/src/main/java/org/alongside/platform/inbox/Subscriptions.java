package org.alongside.platform.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.alongside.platform.events.EventEnvelope;

/**
 * The handlers of a set of {@link EventSubscriber}s: which topics they need and, for an event, every method that
 * handles its type. The live consumer delivers through the service's subscribers; a replay (outcomes' read model
 * rebuild) through a subset of them, reading each event exactly as the consumer does.
 */
public final class Subscriptions {

    private final List<EventHandlers> handlers = new ArrayList<>();
    private final EventReader reader;

    public Subscriptions(Collection<? extends EventSubscriber> subscribers, EventReader reader) {
        subscribers.forEach(subscriber -> handlers.add(subscriber.handlers()));
        this.reader = reader;
    }

    public boolean isEmpty() {
        return handlers.isEmpty();
    }

    /** The topics the subscribers' events are published on. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        handlers.forEach(h -> topics.add(h.stream()));
        return topics;
    }

    /** True when some subscriber handles events of this type. */
    public boolean wants(String type) {
        return handlers.stream().anyMatch(h -> h.handles(type));
    }

    /** Hands the event to every method that handles its type, in the caller's transaction. */
    public void deliver(EventEnvelope event) throws Exception {
        for (EventHandlers h : handlers) {
            h.deliver(event, reader);
        }
    }
}
