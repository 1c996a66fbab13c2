package org.alongside.platform.failure;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;
import javax.transaction.xa.XAException;

/** Tells an outage (retry later) from a defect or bad data (retrying will not help). */
public final class Failures {

    private Failures() {
    }

    /** True when the database is unreachable or restarting: the operation may succeed if tried again. */
    public static boolean isDatabaseUnavailable(Throwable failure) {
        return anyInChain(failure, Failures::isConnectionLoss);
    }

    /**
     * True when the connection was lost while the transaction was being committed: PostgreSQL may have made the
     * commit durable before it went away, so whether the change was made is unknown until it is read back. The
     * transaction manager reports the commit's failure as an {@link XAException} from the resource's commit,
     * attached to its RollbackException as a suppressed exception.
     */
    public static boolean isCommitInDoubt(Throwable failure) {
        return anyInChain(failure, t -> t instanceof XAException && anyInChain(t, Failures::isConnectionLoss));
    }

    private static boolean isConnectionLoss(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
            String message = String.valueOf(sql.getMessage());
            return message.contains("Acquisition timeout") || message.contains("Connection refused");
        }
        return false;
    }

    /** Causes and suppressed exceptions too: a transaction manager attaches why a commit failed as suppressed. */
    private static boolean anyInChain(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        if (failure != null) {
            pending.push(failure);
        }
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (test.test(t)) {
                return true;
            }
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return false;
    }
}
