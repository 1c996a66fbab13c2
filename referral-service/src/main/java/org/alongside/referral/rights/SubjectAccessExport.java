package org.alongside.referral.rights;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.alongside.referral.services.ServiceUrls;
import org.jboss.logging.Logger;

/**
 * Fetches the other services' parts of a subject access export over HTTP, with the caller's own token, so each
 * service checks the caller's role itself and records the access in its own audit trail. Base URLs are configured
 * (local defaults: the ports of the local stack).
 */
@ApplicationScoped
public class SubjectAccessExport {

    private static final Logger LOG = Logger.getLogger(SubjectAccessExport.class);

    /** One service's answer: its part, or why there is none. */
    public record Part(String service, JsonNode data, String missing) {
    }

    private final Map<String, SubjectAccessPart> clients = new LinkedHashMap<>();

    SubjectAccessExport(ServiceUrls services, SubjectAccessConfig config) {
        clients.put("matching-service", client(services.matchingUrl(), config.timeout()));
        clients.put("session-service", client(services.sessionUrl(), config.timeout()));
        clients.put("outcomes-service", client(services.outcomesUrl(), config.timeout()));
    }

    private static SubjectAccessPart client(String url, Duration timeout) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                .connectTimeout(Math.min(timeout.toMillis(), 2_000), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(SubjectAccessPart.class);
    }

    /** Every other service's part, in a fixed order; a service that did not answer says why. */
    public Map<String, Part> fetch(UUID referralId, String authorization) {
        Map<String, Part> parts = new LinkedHashMap<>();
        clients.forEach((service, client) -> {
            try {
                parts.put(service, new Part(service, client.export(referralId, authorization), null));
            } catch (WebApplicationException e) {
                int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
                LOG.warnf("Subject access export: %s answered %d for referral %s", service, status, referralId);
                parts.put(service, new Part(service, null, "answered HTTP " + status));
            } catch (RuntimeException e) {
                LOG.warnf("Subject access export: %s unavailable for referral %s: %s", service, referralId,
                        e.toString());
                parts.put(service, new Part(service, null, "unavailable (" + rootMessage(e) + ")"));
            }
        });
        return parts;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
