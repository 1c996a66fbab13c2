package org.alongside.platform.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * What the contract says about one {@link EventData} record, read once from its annotations: the event type, its
 * schema version and topic, and which component (if any) says when it happened.
 */
public final class EventSpec<T extends EventData> {

    private static final ClassValue<EventSpec<?>> SPECS = new ClassValue<>() {
        @Override
        protected EventSpec<?> computeValue(Class<?> type) {
            return inspect(type.asSubclass(EventData.class));
        }
    };

    private final Class<T> dataType;
    private final String type;
    private final int version;
    private final Accessor time;
    private final Accessor subject;

    private EventSpec(Class<T> dataType, String type, int version, RecordComponent time, RecordComponent subject) {
        this.dataType = dataType;
        this.type = type;
        this.version = version;
        this.subject = Accessor.of(subject);
        this.time = Accessor.of(time);
    }

    /** The spec of {@code dataType}; a record that breaks the rules above fails here, the first time it is used. */
    @SuppressWarnings("unchecked")
    public static <T extends EventData> EventSpec<T> of(Class<T> dataType) {
        return (EventSpec<T>) SPECS.get(dataType);
    }

    private static <T extends EventData> EventSpec<T> inspect(Class<T> dataType) {
        EventType annotation = dataType.getAnnotation(EventType.class);
        if (!dataType.isRecord() || annotation == null) {
            throw new IllegalArgumentException(dataType.getName() + " is not the data of an event: a record with "
                    + "@EventType is");
        }
        Topics.forType(annotation.name());
        List<RecordComponent> times = Arrays.stream(dataType.getRecordComponents())
                .filter(component -> component.isAnnotationPresent(EventTime.class)).toList();
        if (times.size() > 1 || times.stream().anyMatch(t -> t.getType() != OffsetDateTime.class)) {
            throw new IllegalArgumentException(dataType.getName() + " may mark one OffsetDateTime @EventTime, not "
                    + times.stream().map(RecordComponent::getName).toList());
        }
        RecordComponent subject = Arrays.stream(dataType.getRecordComponents())
                .filter(component -> component.getName().equals(annotation.subject())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(dataType.getName() + " has no component "
                        + annotation.subject() + " to be its subject"));
        return new EventSpec<>(dataType, annotation.name(), annotation.version(), times.isEmpty() ? null
                : times.get(0), subject);
    }

    public Class<T> dataType() {
        return dataType;
    }

    /** The event type name, e.g. {@code referral.accepted}. */
    public String type() {
        return type;
    }

    public int version() {
        return version;
    }

    /** The topic the type is published on. */
    public String topic() {
        return Topics.forType(type);
    }

    /**
     * Where the producing service, reached at {@code baseUrl}, serves the JSON Schema of this type and version: the
     * envelope's {@code dataschema} and the schema's {@code $id}. Its last segment is the version
     * ({@link EventEnvelope#dataVersion()}).
     */
    public String dataschema(String baseUrl) {
        return baseUrl + "/events/schemas/" + type + "/" + version;
    }

    /** The name of the component saying when the event happened, or null when only the envelope says it. */
    public String timeField() {
        return time == null ? null : time.name();
    }

    /** True when the event is about a referral (its subject is the referral id), as most are. */
    public boolean aboutReferral() {
        return subject.name().equals("referralId");
    }

    /** The name of the component that is the event's subject and key. */
    public String subjectField() {
        return subject.name();
    }

    /** What the event is about, as its CloudEvents subject and Kafka key; null when the data does not say. */
    public String subject(T data) {
        Object value = read(subject, data);
        return value == null ? null : value.toString();
    }

    /** When the data says the event happened; null when it does not say. */
    public OffsetDateTime time(T data) {
        return time == null ? null : (OffsetDateTime) read(time, data);
    }

    private Object read(Accessor accessor, T data) {
        try {
            return accessor.method().invoke(data);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Could not read " + type + " data." + accessor.name(), e);
        }
    }

    /** A record component's name and accessor, made callable once: a record need not be public to be event data. */
    private record Accessor(String name, Method method) {

        static Accessor of(RecordComponent component) {
            if (component == null) {
                return null;
            }
            Method method = component.getAccessor();
            method.trySetAccessible();
            return new Accessor(component.getName(), method);
        }
    }
}
