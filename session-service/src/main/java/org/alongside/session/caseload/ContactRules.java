package org.alongside.session.caseload;

import java.time.Duration;
import java.time.OffsetDateTime;

/** How long a client has gone without contact, and when that is worth a flag, without a database. */
public final class ContactRules {

    private ContactRules() {
    }

    /**
     * Whole days since the last contact; a client never seen counts from when they were matched, so a new client
     * is not flagged on day one but one never contacted is, in time.
     */
    public static long daysWithoutContact(OffsetDateTime lastContactAt, OffsetDateTime matchedAt, OffsetDateTime now) {
        OffsetDateTime since = lastContactAt != null ? lastContactAt : matchedAt;
        return Math.max(0, Duration.between(since, now).toDays());
    }

    public static boolean flagged(long daysWithoutContact, int threshold) {
        return daysWithoutContact >= threshold;
    }

    /**
     * The same rule for a query: a client is flagged now exactly when their last contact (or, never contacted, their
     * match) is at or before this instant. Whole days of 24 hours, as {@link #daysWithoutContact} counts them.
     */
    public static OffsetDateTime flaggedIfSinceAtOrBefore(OffsetDateTime now, int threshold) {
        return now.minus(Duration.ofDays(threshold));
    }

    /**
     * The next session: one already logged ahead of time, else the one planned at the most recent session (which
     * may have slipped into the past).
     */
    public static OffsetDateTime nextSession(OffsetDateTime earliestFutureSession, OffsetDateTime plannedAtLatest) {
        return earliestFutureSession != null ? earliestFutureSession : plannedAtLatest;
    }
}
