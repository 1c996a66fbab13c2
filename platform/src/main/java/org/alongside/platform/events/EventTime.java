package org.alongside.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the component of an {@link EventData} record that says when the event happened. It may be left out: the
 * envelope's {@code time} stands in for it. At most one per record; a record without one happened at the envelope's
 * time.
 */
@Documented
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.RUNTIME)
public @interface EventTime {
}
