package org.alongside.session.goal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.alongside.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class GoalRulesTest {

    @Test
    void anUpdateGivesARatingAStatusOrBoth() {
        assertDoesNotThrow(() -> GoalRules.checkSaysSomething(6, null, "body"));
        assertDoesNotThrow(() -> GoalRules.checkSaysSomething(null, Goal.Status.ACHIEVED, "body"));
        ProblemException empty = assertThrows(ProblemException.class,
                () -> GoalRules.checkSaysSomething(null, null, "goalProgress[1]"));
        assertEquals("goalProgress[1]", empty.toProblem(null).errors().get(0).field());
    }

    @Test
    void aGoalChangedForAnotherTakesNoMoreProgress() {
        Goal goal = new Goal();
        goal.id = UUID.randomUUID();
        for (Goal.Status open : new Goal.Status[] {Goal.Status.NOT_STARTED, Goal.Status.IN_PROGRESS,
                Goal.Status.ACHIEVED}) {
            goal.status = open;
            assertDoesNotThrow(() -> GoalRules.checkOpenForProgress(goal, "goalId"));
        }
        goal.status = Goal.Status.CHANGED;
        assertEquals(409, assertThrows(ProblemException.class, () -> GoalRules.checkOpenForProgress(goal, "goalId"))
                .status());
    }
}
