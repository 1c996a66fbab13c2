package org.alongside.session.safeguarding;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.alongside.platform.problem.ProblemException;

/** When a concern must be acknowledged, and which steps it may take, without a database. */
public final class SafeguardingRules {

    private SafeguardingRules() {
    }

    /**
     * The deadline to acknowledge a concern: an immediate risk within {@code immediateWithin} of raising, clock
     * time (risk does not wait for Monday); otherwise {@code workingDaysToAcknowledge} working days.
     */
    public static OffsetDateTime acknowledgeBy(OffsetDateTime raisedAt, boolean immediateRisk, Duration immediateWithin,
            int workingDaysToAcknowledge, WorkingDays workingDays) {
        return immediateRisk ? raisedAt.plus(immediateWithin) : workingDays.plus(raisedAt, workingDaysToAcknowledge);
    }

    /** Overdue: still waiting to be acknowledged after its deadline. */
    public static boolean isOverdue(Concern.Status status, OffsetDateTime acknowledgeBy, OffsetDateTime now) {
        return status == Concern.Status.OPEN && now.isAfter(acknowledgeBy);
    }

    public static void checkCanAcknowledge(Concern concern) {
        if (concern.status != Concern.Status.OPEN) {
            throw ProblemException.conflict("concern-already-acknowledged", "concern " + concern.id + " was "
                    + "already acknowledged by " + concern.acknowledgedBy + " at " + concern.acknowledgedAt
                    + (concern.status == Concern.Status.CLOSED ? " and is closed" : ""));
        }
    }

    public static void checkCanClose(Concern concern) {
        switch (concern.status) {
            case OPEN -> throw ProblemException.conflict("concern-not-acknowledged", "concern " + concern.id
                    + " must be acknowledged before it is closed");
            case CLOSED -> throw ProblemException.conflict("concern-closed", "concern " + concern.id
                    + " was already closed by " + concern.closedBy + " at " + concern.closedAt);
            case ACKNOWLEDGED -> {
            }
        }
    }
}
