package org.alongside.referral.summary;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.alongside.referral.services.ServiceUrls;

/**
 * The support a person had, read from session- and outcomes-service's public APIs as referral-service itself
 * ({@link ServiceIdentity}), the way the subject access export reads their parts: each service checks the role and
 * records the read in its own audit trail. A service that does not answer fails the whole read, to be retried: a
 * summary is never assembled from part of the record.
 */
@ApplicationScoped
public class SupportRecord {

    /** What the other services hold about the support given; a 404 (nothing held for the referral) reads as none. */
    public record Parts(List<JsonNode> sessions, List<JsonNode> goals, List<JsonNode> signposting,
            List<JsonNode> outcomes) {
    }

    /** A service did not answer (or not as its API says): the summary waits for it. */
    public static class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @FunctionalInterface
    private interface PageCall {
        JsonNode get(Integer page, Integer size);
    }

    private final SessionServiceApi sessions;
    private final OutcomesServiceApi outcomes;

    SupportRecord(ServiceUrls services, SummaryConfig config) {
        this.sessions = client(services.sessionUrl(), config.timeout(), SessionServiceApi.class);
        this.outcomes = client(services.outcomesUrl(), config.timeout(), OutcomesServiceApi.class);
    }

    private static <T> T client(String url, Duration timeout, Class<T> api) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                .connectTimeout(Math.min(timeout.toMillis(), 2_000), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(api);
    }

    public Parts read(UUID referralId, String authorization) throws Unavailable {
        return new Parts(
                list("session-service sessions", (page, size) -> sessions.sessions(referralId, page, size,
                        authorization)),
                list("session-service goals", (page, size) -> sessions.goals(referralId, page, size, authorization)),
                list("session-service signposting", (page, size) -> sessions.signposting(referralId, page, size,
                        authorization)),
                instruments(referralId, authorization));
    }

    /** The referral's outcomes per instrument (one answer, not a Page: a handful of instruments at most). */
    private List<JsonNode> instruments(UUID referralId, String authorization) throws Unavailable {
        JsonNode answer = fetch("outcomes-service outcomes", (page, size) -> outcomes.outcomes(referralId,
                authorization), null, null);
        List<JsonNode> instruments = new ArrayList<>();
        if (answer != null) {
            answer.path("instruments").forEach(instruments::add);
        }
        return instruments;
    }

    /** Every item of a list the service answers as a Page ({@code items, page, size, total}), page after page. */
    private static List<JsonNode> list(String what, PageCall call) throws Unavailable {
        List<JsonNode> items = new ArrayList<>();
        JsonNode answer = fetch(what, call, null, null);
        while (answer != null) {
            if (!answer.path("items").isArray()) {
                throw new Unavailable(what + " answered no page of items", null);
            }
            answer.path("items").forEach(items::add);
            if (items.size() >= answer.path("total").asLong() || answer.path("items").isEmpty()) {
                break;
            }
            answer = fetch(what, call, answer.path("page").asInt() + 1, answer.path("size").asInt());
        }
        return items;
    }

    private static JsonNode fetch(String what, PageCall call, Integer page, Integer size) throws Unavailable {
        try {
            return call.get(page, size);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404) {
                return null;
            }
            throw new Unavailable(what + " answered HTTP " + status, e);
        } catch (RuntimeException e) {
            throw new Unavailable(what + " unavailable (" + rootMessage(e) + ")", e);
        }
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
