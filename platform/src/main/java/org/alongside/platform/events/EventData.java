package org.alongside.platform.events;

import java.util.UUID;

/**
 * The {@code data} of one event type of the contract: a record annotated with its {@link EventType}, published by
 * one service through the outbox and read by the others as it is. Bean Validation constraints on its components mark
 * what consumers rely on (an event without it is poison); everything else may be absent. Ids, codes, bands and
 * categories only: never a name, NHS number, birth date, address or free text.
 */
public interface EventData {

    /**
     * The referral the event is about (a record with a {@code referralId} component answers it); null for the few
     * events about something else (a peer's supervisor, a taxonomy), whose {@link EventType#subject()} says what.
     */
    default UUID referralId() {
        return null;
    }
}
