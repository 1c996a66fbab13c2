package org.alongside.session.goal;

import java.util.List;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;

/** What a goal update may do, without a database. */
public final class GoalRules {

    private GoalRules() {
    }

    /** An update says something: a rating, a status, or both. */
    public static void checkSaysSomething(Integer rating, Goal.Status status, String field) {
        if (rating == null && status == null) {
            throw ProblemException.invalid(field, "give a rating, a status, or both");
        }
    }

    /** A goal set aside for another takes no more progress: the new goal does. */
    public static void checkOpenForProgress(Goal goal, String field) {
        if (goal.status == Goal.Status.CHANGED) {
            String message = "goal " + goal.id + " was changed for another goal; record progress on the new one";
            throw new ProblemException(409, "goal-changed", "Conflict", field + ": " + message,
                    List.of(new Problem.FieldError(field, message)));
        }
    }
}
