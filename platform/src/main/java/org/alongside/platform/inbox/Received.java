package org.alongside.platform.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event as a handler receives it: read, validated and resolved once by the platform. {@code referralId} is the
 * event's subject (which its data, when it names one, agrees with); {@code time} is when it happened (the data's own
 * time, else the envelope's); {@code source} the publishing service ({@code /alongside/<service>}).
 */
public record Received<T>(String eventId, String type, String source, UUID referralId, OffsetDateTime time, T data) {
}
