package org.alongside.platform.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventSpec;

/**
 * Which method of an {@link EventSubscriber} handles which event type of one stream:
 * <pre>{@code
 * EventHandlers.forStream(Topics.REFERRALS)
 *         .on(ReferralAccepted.class, this::accepted)
 *         .on(ReferralClosed.class, this::closed)
 *         .build();
 * }</pre>
 */
public final class EventHandlers {

    /**
     * Applies one event. Throw {@link PoisonEventException} when it can never be applied (it goes to the dead-letter
     * topic at once); any other exception is retried a few times before it does.
     */
    @FunctionalInterface
    public interface Handler<T extends EventData> {
        void handle(Received<T> event) throws Exception;
    }

    private record Route<T extends EventData>(EventSpec<T> spec, Handler<T> handler) {

        void deliver(EventEnvelope event, EventReader reader) throws Exception {
            handler.handle(reader.read(event, spec));
        }
    }

    private final String stream;
    private final Map<String, Route<?>> routes;

    private EventHandlers(String stream, Map<String, Route<?>> routes) {
        this.stream = stream;
        this.routes = Map.copyOf(routes);
    }

    /** Handlers for the events published on {@code topic}. */
    public static Builder forStream(String topic) {
        return new Builder(topic);
    }

    /** The topic these events are published on. */
    public String stream() {
        return stream;
    }

    public Set<String> types() {
        return routes.keySet();
    }

    public boolean handles(String type) {
        return routes.containsKey(type);
    }

    /** Reads the event as its type's data and hands it to its method; nothing when this type is not handled here. */
    void deliver(EventEnvelope event, EventReader reader) throws Exception {
        Route<?> route = routes.get(event.type());
        if (route != null) {
            route.deliver(event, reader);
        }
    }

    public static final class Builder {

        private final String stream;
        private final Map<String, Route<?>> routes = new LinkedHashMap<>();

        private Builder(String stream) {
            this.stream = stream;
        }

        public <T extends EventData> Builder on(Class<T> dataType, Handler<T> handler) {
            EventSpec<T> spec = EventSpec.of(dataType);
            if (!spec.topic().equals(stream)) {
                throw new IllegalArgumentException(spec.type() + " is published on " + spec.topic() + ", not on "
                        + stream + ": handle it with that stream's events");
            }
            if (routes.putIfAbsent(spec.type(), new Route<>(spec, handler)) != null) {
                throw new IllegalArgumentException(spec.type() + " is handled twice on " + stream);
            }
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(stream, routes);
        }
    }
}
