package org.alongside.session.goal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.ProblemException;
import org.alongside.session.access.Access;
import org.alongside.session.match.Restrictions;

/** The person's own goals and their progress; each change is published as goal.updated without the words. */
@ApplicationScoped
public class Goals {

    private final Outbox outbox;
    private final Restrictions restrictions;
    private final Clock clock;

    Goals(Outbox outbox, Restrictions restrictions, Clock clock) {
        this.outbox = outbox;
        this.restrictions = restrictions;
        this.clock = clock;
    }

    @Transactional
    public Goal create(UUID referralId, NewGoal request, Access access) {
        access.requireWritableReferral(referralId);
        restrictions.requireMayRecord(referralId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Goal goal = new Goal();
        goal.id = UUID.randomUUID();
        goal.referralId = referralId;
        goal.text = request.text().strip();
        goal.focus = request.focus();
        goal.status = request.status() == null ? Goal.Status.NOT_STARTED : request.status();
        goal.createdAt = now;
        goal.createdBy = access.user();
        goal.updatedAt = now;
        goal.persist();
        step(goal, request.rating(), null, now, access.user(), true);
        return goal;
    }

    @Transactional
    public Goal progress(UUID goalId, ProgressUpdate update, Access access) {
        GoalRules.checkSaysSomething(update.rating(), update.status(), "body");
        Goal goal = Goal.findById(goalId, LockModeType.PESSIMISTIC_WRITE);
        if (goal == null || !access.seesReferral(goal.referralId)) {
            throw ProblemException.notFound("Goal", goalId);
        }
        access.requireWritableReferral(goal.referralId);
        restrictions.requireMayRecord(goal.referralId);
        if (update.sessionId() != null) {
            checkSessionOfReferral(update.sessionId(), goal.referralId);
        }
        GoalRules.checkOpenForProgress(goal, "goalId");
        apply(goal, update.rating(), update.status(), update.sessionId(), access.user());
        return goal;
    }

    /**
     * Goals reviewed in a session, in the session's transaction. Every goal must be one of the referral's: a
     * wrong id names its place in the request, and nothing of the session is written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewedInSession(UUID referralId, UUID sessionId, List<SessionGoalProgress> entries, String by) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            SessionGoalProgress entry = entries.get(i);
            String field = "goalProgress[" + i + "]";
            GoalRules.checkSaysSomething(entry.rating(), entry.status(), field);
            if (!seen.add(entry.goalId())) {
                throw ProblemException.invalid(field + ".goalId", "goal " + entry.goalId() + " is listed twice");
            }
            Goal goal = Goal.findById(entry.goalId(), LockModeType.PESSIMISTIC_WRITE);
            if (goal == null || !goal.referralId.equals(referralId)) {
                throw ProblemException.invalid(field + ".goalId", "goal " + entry.goalId()
                        + " is not one of this referral's goals");
            }
            GoalRules.checkOpenForProgress(goal, field + ".goalId");
            apply(goal, entry.rating(), entry.status(), sessionId, by);
        }
    }

    /** A referral's goals, oldest first, each with its progress. */
    public List<Goal> ofReferral(UUID referralId, Access access) {
        access.requireReferral(referralId);
        return Goal.list("referralId = ?1 order by createdAt, id", referralId);
    }

    public Goal visibleTo(UUID goalId, Access access) {
        Goal goal = Goal.findById(goalId);
        if (goal == null || !access.seesReferral(goal.referralId)) {
            throw ProblemException.notFound("Goal", goalId);
        }
        return goal;
    }

    /** Each goal's progress, oldest first. */
    public Map<UUID, List<GoalProgress>> progressOf(List<Goal> goals) {
        if (goals.isEmpty()) {
            return Map.of();
        }
        List<GoalProgress> steps = GoalProgress.list("goalId in ?1 order by recordedAt, id",
                goals.stream().map(g -> g.id).toList());
        return steps.stream().collect(Collectors.groupingBy(p -> p.goalId));
    }

    /** Goals not yet achieved or changed. */
    public long openCount(UUID referralId) {
        return Goal.count("referralId = ?1 and status in ?2", referralId,
                List.of(Goal.Status.NOT_STARTED, Goal.Status.IN_PROGRESS));
    }

    private void apply(Goal goal, Integer rating, Goal.Status status, UUID sessionId, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (status != null) {
            goal.status = status;
        }
        goal.updatedAt = now;
        step(goal, rating, sessionId, now, by, false);
    }

    private void step(Goal goal, Integer rating, UUID sessionId, OffsetDateTime at, String by, boolean created) {
        GoalProgress step = new GoalProgress();
        step.id = UUID.randomUUID();
        step.goalId = goal.id;
        step.status = goal.status;
        step.rating = rating;
        step.sessionId = sessionId;
        step.recordedAt = at;
        step.recordedBy = by;
        step.persist();
        outbox.publish(GoalEvents.updated(goal, step, created));
    }

    private static void checkSessionOfReferral(UUID sessionId, UUID referralId) {
        long found = Goal.getEntityManager().createQuery(
                        "select count(s) from Session s where s.id = ?1 and s.referralId = ?2", Long.class)
                .setParameter(1, sessionId).setParameter(2, referralId).getSingleResult();
        if (found == 0) {
            throw ProblemException.invalid("sessionId", "session " + sessionId + " is not one of this referral's");
        }
    }
}
