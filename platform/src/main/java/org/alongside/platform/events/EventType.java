package org.alongside.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The event type an {@link EventData} record is the data of, and the version of its schema. */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EventType {

    /** One of {@link EventTypes}; its prefix names the topic. */
    String name();

    /** The schema version, in the event's {@code dataschema}; a breaking change is a new topic version instead. */
    int version();
}
