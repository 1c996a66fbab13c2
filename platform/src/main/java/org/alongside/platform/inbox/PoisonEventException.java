package org.alongside.platform.inbox;

/** An event that no retry can fix: malformed, or contradicting what this service knows. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
