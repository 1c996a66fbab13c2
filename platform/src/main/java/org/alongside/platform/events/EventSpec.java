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

    private static final String SCHEMA_BASE = "https://alongside.example/schemas/";

    private static final ClassValue<EventSpec<?>> SPECS = new ClassValue<>() {
        @Override
        protected EventSpec<?> computeValue(Class<?> type) {
            return inspect(type.asSubclass(EventData.class));
        }
    };

    private final Class<T> dataType;
    private final String type;
    private final int version;
    private final RecordComponent time;

    private EventSpec(Class<T> dataType, String type, int version, RecordComponent time) {
        this.dataType = dataType;
        this.type = type;
        this.version = version;
        this.time = time;
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
        return new EventSpec<>(dataType, annotation.name(), annotation.version(), times.isEmpty() ? null
                : times.get(0));
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

    /** Where the schema of this type and version is published: the envelope's {@code dataschema}. */
    public String dataschema() {
        return SCHEMA_BASE + type + "/" + version;
    }

    /** The name of the component saying when the event happened, or null when only the envelope says it. */
    public String timeField() {
        return time == null ? null : time.getName();
    }

    /** When the data says the event happened; null when it does not say. */
    public OffsetDateTime time(T data) {
        if (time == null) {
            return null;
        }
        Method accessor = time.getAccessor();
        try {
            return (OffsetDateTime) accessor.invoke(data);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Could not read " + type + " data." + time.getName(), e);
        }
    }
}
