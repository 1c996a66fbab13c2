package org.alongside.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * Writes to the audit trail what no HTTP call records: a system's own action on a person's records (the retention
 * sweep erasing a referral, a service applying that erasure). {@link AuditFilter} records every call.
 */
@ApplicationScoped
public class AuditTrail {

    /** The actor named for actions the system takes on its own (a schedule, an event from another service). */
    public static final String SYSTEM = "system";

    /** The request property holding the status {@link #recordAnswer} recorded, so the filter does not again. */
    static final String ANSWER_RECORDED = AuditTrail.class.getName() + ".answer";

    private final AgroalDataSource dataSource;
    private final SecurityIdentity identity;
    private final TransactionSynchronizationRegistry transactions;

    AuditTrail(AgroalDataSource dataSource, SecurityIdentity identity, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.identity = identity;
        this.transactions = transactions;
    }

    /**
     * Records the current call, as answered with {@code status} and about the referral it created or changed, in the
     * caller's transaction: the change and its record commit together, in one commit instead of two, and neither
     * without the other. Once it has committed, {@link AuditFilter} writes nothing more for the call unless it is
     * answered otherwise; if it rolls back, the filter records the call as it does any other. For a change that
     * knows, inside its transaction, the answer it will give.
     */
    public void recordAnswer(int status, UUID referralId) {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("recordAnswer records an HTTP call's change in its transaction");
        }
        Call call = Call.of(identity, request.getMethod(), request.getTarget().getLazyMethod(),
                request.getUriInfo(), request.serverRequest().unwrap(HttpServerRequest.class)).about(referralId);
        try (Connection connection = dataSource.getConnection()) {
            call.insert(connection, status);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write to the audit trail: " + call.operation(), e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int outcome) {
                if (outcome == Status.STATUS_COMMITTED) {
                    request.setProperty(ANSWER_RECORDED, status);
                }
            }
        });
    }

    /**
     * Appends one event about {@code referralId}; joins the caller's transaction when there is one (the datasource
     * is transactional), so the record and the change it reports commit together.
     */
    public void record(String actor, String action, String operation, UUID referralId, List<String> recordIds) {
        record(actor, Set.of(SYSTEM), action, operation, referralId, recordIds);
    }

    /**
     * Appends one event a caller's request caused beyond what {@link AuditFilter} sees in the path: each person a
     * search found, or a read allowed for a stated reason (the operation says which).
     */
    public void record(String actor, Set<String> roles, String action, String operation, UUID referralId,
            List<String> recordIds) {
        Call call = new Call(actor, String.join(",", new TreeSet<>(roles)), action, operation, List.copyOf(recordIds),
                referralId, null);
        try (Connection connection = dataSource.getConnection()) {
            call.insert(connection, 200);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write to the audit trail: " + operation, e);
        }
    }

    /**
     * Appends one event per person a caller's request disclosed (each referral a search found) in one statement:
     * one round trip and one commit however many it found, where an event each cost a commit each.
     */
    public void recordEach(String actor, Set<String> roles, String action, String operation, List<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO audit_event (actor, roles, action, operation, record_ids, referral_id, status, client)
                     SELECT ?, ?, ?, ?, ARRAY[referral::text], referral, 200, NULL FROM unnest(?) AS referral""")) {
            insert.setString(1, actor);
            insert.setString(2, String.join(",", new TreeSet<>(roles)));
            insert.setString(3, action);
            insert.setString(4, operation);
            insert.setArray(5, connection.createArrayOf("uuid", referralIds.toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write to the audit trail: " + operation, e);
        }
    }
}
