package org.alongside.platform.events;

import java.util.List;

/** The topics of the integration contract. An event type versions its own schema ({@link EventType#version()}). */
public final class Topics {
    public static final String REFERRALS = "alongside.referrals.v1";
    public static final String MATCHES = "alongside.matches.v1";
    public static final String SESSIONS = "alongside.sessions.v1";
    public static final String OUTCOMES = "alongside.outcomes.v1";
    /** The workforce: keyed by the peer's id, not a referral's. */
    public static final String STAFF = "alongside.staff.v1";

    public static final List<String> ALL = List.of(REFERRALS, MATCHES, SESSIONS, OUTCOMES, STAFF);

    private Topics() {
    }

    /** Each consuming service has its own dead-letter topic, so a replay goes back to the service that failed. */
    public static String deadLetter(String consumerGroup) {
        return "alongside.deadletter." + consumerGroup + ".v1";
    }

    /** The topic an event type is published on: the type's prefix names its stream. */
    public static String forType(String type) {
        String prefix = type.substring(0, Math.max(type.indexOf('.'), 0));
        return switch (prefix) {
            case "referral" -> REFERRALS;
            case "match" -> MATCHES;
            case "session", "goal", "safeguarding", "signposting" -> SESSIONS;
            case "outcome", "risk" -> OUTCOMES;
            case "supervisor", "supervision" -> STAFF;
            default -> throw new IllegalArgumentException("No topic for event type " + type);
        };
    }
}
