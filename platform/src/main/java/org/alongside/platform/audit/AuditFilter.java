package org.alongside.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.alongside.platform.problem.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records every authenticated call (who, their roles, what operation on which records, the outcome, when and from
 * where) in the service's append-only audit trail. It fails closed: if the trail cannot be written, the caller
 * gets 503 instead of the data. A change that has already been made (committed before this filter runs) keeps its
 * answer, and its audit record goes to the error log instead: answering 503 would say nothing changed.
 */
public class AuditFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SecurityIdentity identity;

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, UriInfo uri,
            ResourceInfo resource, HttpServerRequest http) {
        // 401s carry no identity, and answers produced on the event loop (refused before dispatch) touched no data
        if (response.getStatus() == 401 || io.vertx.core.Context.isOnEventLoopThread()
                || identity.isAnonymous() || resource == null || resource.getResourceMethod() == null
                || resource.getResourceMethod().isAnnotationPresent(NotAudited.class)) {
            return;
        }
        List<String> ids = new ArrayList<>();
        uri.getPathParameters().forEach((name, values) -> ids.addAll(values));
        String referralId = referralId(uri);
        String method = request.getMethod();
        String action = switch (method) {
            case "GET", "HEAD" -> "READ";
            case "DELETE" -> "DELETE";
            default -> "CHANGE";
        };
        String operation = method + " " + resource.getResourceClass().getSimpleName() + "."
                + resource.getResourceMethod().getName();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO audit_event (actor, roles, action, operation, record_ids, referral_id, status, client)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, identity.getPrincipal().getName());
            insert.setString(2, String.join(",", new TreeSet<>(identity.getRoles())));
            insert.setString(3, action);
            insert.setString(4, operation);
            insert.setArray(5, connection.createArrayOf("text", ids.toArray()));
            insert.setObject(6, referralId == null ? null : UUID.fromString(referralId));
            insert.setInt(7, response.getStatus());
            insert.setString(8, http.remoteAddress() == null ? null : http.remoteAddress().hostAddress());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!action.equals("READ") && response.getStatus() < 400) {
                // The change is committed already: a 503 would tell the client it was not, and a retry without an
                // Idempotency-Key would make it twice. Keep the answer; the log carries the audit record instead.
                LOG.errorf("Audit trail unavailable; audit record of a completed change follows: actor=%s roles=%s "
                        + "action=%s operation=%s records=%s referral=%s status=%d client=%s (%s)",
                        identity.getPrincipal().getName(), String.join(",", new TreeSet<>(identity.getRoles())),
                        action, operation, ids, referralId, response.getStatus(),
                        http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(), e.getMessage());
                return;
            }
            LOG.errorf("Audit trail unavailable; withholding the answer to %s: %s", operation, e.getMessage());
            response.setStatus(503);
            response.getHeaders().putSingle("Retry-After", "5");
            response.setEntity(new Problem(Problem.TYPE_BASE + "unavailable", "Service unavailable", 503,
                    "The audit trail cannot be written, so nothing is disclosed. Retry shortly.",
                    uri.getPath(), List.of()), null, MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }

    /** The person a call is about, by the pseudonymous referral id, when the call names one. */
    private static String referralId(UriInfo uri) {
        for (String name : List.of("referralId", "id")) {
            String value = uri.getPathParameters().getFirst(name);
            if (value == null) {
                value = uri.getQueryParameters().getFirst(name);
            }
            if (value != null && value.matches("[0-9a-fA-F-]{36}")
                    && (name.equals("referralId") || uri.getPath().startsWith("/referrals/"))) {
                return value;
            }
        }
        return null;
    }
}
