package org.alongside.platform.failure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    /** What Narayana threw when PostgreSQL's fast shutdown ended the connection during COMMIT (DatabaseRestartTest). */
    private static RuntimeException commitCutOff() {
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        return new RuntimeException("Error invoking subclass method", rollback);
    }

    @Test
    void aConnectionCutOffDuringCommitIsAnOutageWhoseOutcomeIsInDoubt() {
        assertTrue(Failures.isDatabaseUnavailable(commitCutOff()));
        assertTrue(Failures.isCommitInDoubt(commitCutOff()));
    }

    @Test
    void aConnectionRefusedBeforeAnyWriteIsAnOutageThatChangedNothing() {
        RuntimeException refused = new RuntimeException("Unable to acquire JDBC Connection",
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"));
        assertTrue(Failures.isDatabaseUnavailable(refused));
        assertFalse(Failures.isCommitInDoubt(refused));
    }

    @Test
    void aCommitRefusedForItsDataIsNeitherAnOutageNorInDoubt() {
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("duplicate key value violates unique constraint", "23505"));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertFalse(Failures.isDatabaseUnavailable(rollback));
        assertFalse(Failures.isCommitInDoubt(rollback));
    }
}
