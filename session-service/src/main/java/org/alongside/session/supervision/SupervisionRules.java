package org.alongside.session.supervision;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.alongside.platform.problem.ProblemException;

/** When supervision is due, without a database. */
public final class SupervisionRules {

    /** A supervision is recorded after it was held; this much clock difference between devices is tolerated. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private SupervisionRules() {
    }

    /**
     * The next supervision is due one interval after the last; a peer never supervised is due one interval after
     * this service first knew them working.
     */
    public static OffsetDateTime dueAt(OffsetDateTime lastSupervisedAt, OffsetDateTime knownSince, Duration interval) {
        OffsetDateTime from = lastSupervisedAt != null ? lastSupervisedAt : knownSince;
        return from.plus(interval);
    }

    public static boolean isOverdue(OffsetDateTime dueAt, OffsetDateTime now) {
        return now.isAfter(dueAt);
    }

    /** Whole days past due (0 on the day it fell due). */
    public static long daysOverdue(OffsetDateTime dueAt, OffsetDateTime now) {
        return Math.max(0, Duration.between(dueAt, now).toDays());
    }

    public static void checkHeldAt(OffsetDateTime heldAt, OffsetDateTime now) {
        if (heldAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("heldAt", "must not be in the future: record supervision once held");
        }
    }
}
