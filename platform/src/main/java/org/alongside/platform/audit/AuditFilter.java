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
import java.sql.SQLException;
import java.util.List;
import org.alongside.platform.problem.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records every authenticated call (who, their roles, what operation on which records, the outcome, when and from
 * where) in the service's append-only audit trail. It fails closed: if the trail cannot be written, the caller
 * gets 503 instead of the data. A change that has already been made (committed before this filter runs) keeps its
 * answer, and its audit record goes to the error log instead: answering 503 would say nothing changed. A call whose
 * change recorded its answer in its own transaction ({@link AuditTrail#recordAnswer}) is recorded already, unless
 * it answered otherwise (that transaction rolled back).
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
                || resource.getResourceMethod().isAnnotationPresent(NotAudited.class)
                || Integer.valueOf(response.getStatus()).equals(request.getProperty(AuditTrail.ANSWER_RECORDED))) {
            return;
        }
        Call call = Call.of(identity, request.getMethod(), resource, uri, http);
        try (Connection connection = dataSource.getConnection()) {
            call.insert(connection, response.getStatus());
        } catch (SQLException e) {
            if (!call.isRead() && response.getStatus() < 400) {
                // The change is committed already: a 503 would tell the client it was not, and a retry without an
                // Idempotency-Key would make it twice. Keep the answer; the log carries the audit record instead.
                LOG.errorf("Audit trail unavailable; audit record of a completed change follows: %s (%s)",
                        call.describe(response.getStatus()), e.getMessage());
                return;
            }
            LOG.errorf("Audit trail unavailable; withholding the answer to %s: %s", call.operation(), e.getMessage());
            response.setStatus(503);
            response.getHeaders().putSingle("Retry-After", "5");
            response.setEntity(new Problem(Problem.TYPE_BASE + "unavailable", "Service unavailable", 503,
                    "The audit trail cannot be written, so nothing is disclosed. Retry shortly.",
                    uri.getPath(), List.of()), null, MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }
}
