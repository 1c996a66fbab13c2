package org.alongside.platform.inbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventSpec;

/**
 * Which method of an {@link EventSubscriber} handles which event type of one stream, and which version of it:
 * <pre>{@code
 * EventHandlers.forStream(Topics.REFERRALS)
 *         .on(ReferralAccepted.class, this::accepted)
 *         .on(ReferralAcceptedV2.class, this::accepted)   // while producers move to version 2
 *         .on(ReferralClosed.class, this::closed)
 *         .build();
 * }</pre>
 * An event of a handled type in a version no method reads is poison: it waits on the dead-letter topic for a release
 * that reads it, rather than being read as a version it is not.
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
    /** Type, then version, to its route. */
    private final Map<String, Map<Integer, Route<?>>> routes;

    private EventHandlers(String stream, Map<String, Map<Integer, Route<?>>> routes) {
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

    /** Every type and version handled (types in no particular order). */
    public List<EventSpec<?>> specs() {
        List<EventSpec<?>> specs = new ArrayList<>();
        routes.values().forEach(versions -> versions.values().forEach(route -> specs.add(route.spec())));
        return specs;
    }

    public boolean handles(String type) {
        return routes.containsKey(type);
    }

    /**
     * Reads the event as the data of its type and version and hands it to its method; nothing when this type is not
     * handled here.
     */
    void deliver(EventEnvelope event, EventReader reader) throws Exception {
        Map<Integer, Route<?>> versions = routes.get(event.type());
        if (versions == null) {
            return;
        }
        Route<?> route = versions.get(event.dataVersion());
        if (route == null) {
            throw new PoisonEventException(event.type() + " version " + event.dataVersion() + " is not one this "
                    + "service reads (it reads " + versions.keySet() + ")");
        }
        route.deliver(event, reader);
    }

    public static final class Builder {

        private final String stream;
        private final Map<String, Map<Integer, Route<?>>> routes = new LinkedHashMap<>();

        private Builder(String stream) {
            this.stream = stream;
        }

        public <T extends EventData> Builder on(Class<T> dataType, Handler<T> handler) {
            EventSpec<T> spec = EventSpec.of(dataType);
            if (!spec.topic().equals(stream)) {
                throw new IllegalArgumentException(spec.type() + " is published on " + spec.topic() + ", not on "
                        + stream + ": handle it with that stream's events");
            }
            Map<Integer, Route<?>> versions = routes.computeIfAbsent(spec.type(), type -> new TreeMap<>());
            if (versions.putIfAbsent(spec.version(), new Route<>(spec, handler)) != null) {
                throw new IllegalArgumentException(spec.type() + " version " + spec.version() + " is handled twice on "
                        + stream);
            }
            return this;
        }

        public EventHandlers build() {
            Map<String, Map<Integer, Route<?>>> frozen = new LinkedHashMap<>();
            routes.forEach((type, versions) -> frozen.put(type, Collections.unmodifiableMap(new TreeMap<>(versions))));
            return new EventHandlers(stream, frozen);
        }
    }
}
