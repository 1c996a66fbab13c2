package org.alongside.platform.transaction;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Group commit: changes requested at the same time share one transaction, so that a burst of N costs one commit (one
 * WAL flush, one round of BEGIN and COMMIT) instead of N. A caller hands over its unit of work and blocks; the first
 * caller to find no group running leads one: it runs the units waiting (its own among them, oldest first) one after
 * another in a single transaction, each with its own caller's request context active (who is calling, the request
 * the audit trail records), and commits. A caller alone runs alone, at once: nothing waits for company.
 *
 * <p>Each caller gets exactly what its unit would have got alone. A unit that fails (a problem with its input, a
 * unique key another transaction took first) takes the group's transaction down with it, so the group is rolled back
 * and every unit then runs again in a transaction of its own, and is answered by that. A unit must therefore change
 * nothing outside the database before its transaction commits (what it registers to run after commit runs only
 * then), and must flush what it writes before it returns, so that its failures surface while it runs, as its own. A
 * failed commit fails every unit of the group with it: the changes may or may not have been made, which each caller
 * answers as it would for its own commit (see {@code Failures.isCommitInDoubt}).
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    private final int maxUnits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition groupEnded = lock.newCondition();
    /** Units handed over and not yet taken into a group, oldest first. Guarded by {@link #lock}. */
    private final ArrayDeque<Unit<?>> waiting = new ArrayDeque<>();
    /** Whether a caller is running a group now. Guarded by {@link #lock}. */
    private boolean leading;

    GroupCommit(GroupCommitConfig config) {
        this.maxUnits = config.maxUnits();
    }

    /**
     * Runs {@code work} in a transaction, shared with the units other callers hand over at the same time, and returns
     * what it returned once that transaction has committed; or throws what it threw, or what the commit threw.
     * Joins the caller's transaction instead when it has one.
     */
    public <T> T call(Supplier<T> work) {
        if (QuarkusTransaction.isActive()) {
            return work.get();
        }
        Unit<T> unit = new Unit<>(work, requestState());
        lock.lock();
        try {
            waiting.add(unit);
            while (true) {
                while (!unit.done && leading) {
                    groupEnded.awaitUninterruptibly();
                }
                if (unit.done) {
                    return unit.outcome();
                }
                leading = true;
                List<Unit<?>> group = new ArrayList<>(Math.min(waiting.size(), maxUnits));
                while (!waiting.isEmpty() && group.size() < maxUnits) {
                    group.add(waiting.poll());
                }
                lock.unlock();
                try {
                    run(group);
                } catch (RuntimeException | Error e) {
                    // the group could not even begin: each unit's caller is told why
                    group.forEach(each -> each.failedUnlessAnswered(e));
                } finally {
                    lock.lock();
                    group.forEach(Unit::finish);
                    leading = false;
                    groupEnded.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static void run(List<Unit<?>> group) {
        ManagedContext requests = Arc.container().requestContext();
        InjectableContext.ContextState own = requestState();
        try {
            if (group.size() == 1) {
                group.getFirst().runAlone(requests);
                return;
            }
            QuarkusTransaction.begin();
            try {
                for (Unit<?> unit : group) {
                    unit.runInGroup(requests);
                }
            } catch (RuntimeException | Error e) {
                runAloneAfter(group, e.toString(), requests);
                return;
            }
            if (QuarkusTransaction.isRollbackOnly()) {
                runAloneAfter(group, "a unit marked the transaction for rollback", requests);
                return;
            }
            try {
                QuarkusTransaction.commit();
                group.forEach(Unit::committed);
            } catch (RuntimeException e) {
                group.forEach(unit -> unit.failed(e));
            }
        } finally {
            restore(requests, own);
        }
    }

    /** The group's transaction failed before its commit: it is rolled back, and each unit runs again alone. */
    private static void runAloneAfter(List<Unit<?>> group, String failure, ManagedContext requests) {
        try {
            QuarkusTransaction.rollback();
        } catch (RuntimeException e) {
            // the connection went with the failure: the database rolls the transaction back itself
            LOG.debugf("Rolling back a failed group: %s", e);
        }
        LOG.debugf("A group of %d failed (%s): each runs again alone", group.size(), failure);
        group.forEach(unit -> unit.runAlone(requests));
    }

    private static InjectableContext.ContextState requestState() {
        ManagedContext requests = Arc.container().requestContext();
        return requests.isActive() ? requests.getState() : null;
    }

    private static void restore(ManagedContext requests, InjectableContext.ContextState state) {
        if (state != null) {
            requests.activate(state);
        } else if (requests.isActive()) {
            requests.deactivate();
        }
    }

    /** One caller's work, with its request context, and what came of it. */
    private static final class Unit<T> {

        private final Supplier<T> work;
        private final InjectableContext.ContextState requestState;
        /** Written by the group's leader; read by the caller once {@link #done}, both under the lock. */
        private T result;
        private Throwable failure;
        private boolean answered;
        private boolean done;

        Unit(Supplier<T> work, InjectableContext.ContextState requestState) {
            this.work = work;
            this.requestState = requestState;
        }

        /** Runs in the group's transaction: what it returns is the answer once that commits. */
        void runInGroup(ManagedContext requests) {
            restore(requests, requestState);
            result = work.get();
        }

        /** Runs in a transaction of its own, and is answered by it. */
        void runAlone(ManagedContext requests) {
            restore(requests, requestState);
            try {
                result = QuarkusTransaction.requiringNew().call(work::get);
                answered = true;
            } catch (RuntimeException | Error e) {
                failed(e);
            }
        }

        void committed() {
            answered = true;
        }

        void failed(Throwable e) {
            result = null;
            failure = e;
            answered = true;
        }

        void failedUnlessAnswered(Throwable e) {
            if (!answered) {
                failed(e);
            }
        }

        void finish() {
            failedUnlessAnswered(new IllegalStateException("a group ended without answering one of its units"));
            done = true;
        }

        T outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
