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

    /**
     * The schema version, at the end of the event's {@code dataschema}. A change that would break a consumer is a new
     * version (a record of its own); consumers read every version still published while producers move over.
     */
    int version();

    /**
     * The record component that names what the event is about: its CloudEvents {@code subject} and its Kafka key, so
     * the events about one thing stay in order on one partition. Most events are about a referral.
     */
    String subject() default "referralId";
}
