package org.alongside.platform.http;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Map;

/**
 * Refuses new requests, with a 503 problem+json that touches no data, from the moment shutdown begins (SIGTERM).
 *
 * <p>Quarkus's graceful shutdown ({@code quarkus.shutdown.timeout}) waits for the requests in flight, but goes on
 * serving requests that arrive meanwhile, and the server takes new connections until it closes: a request taken in
 * after the last in-flight one finished was applied and then cut off without its answer (the fault tests saw a
 * referral created whose client got no response). Refused here instead, such a request changes nothing and says so,
 * and the client retries against another instance. {@code quarkus.shutdown.delay-enabled} makes Quarkus announce
 * the start of shutdown ({@link ShutdownDelayInitiatedEvent}); {@code /q/*} (health, metrics) keeps answering.
 */
@ApplicationScoped
public class ShutdownGate {

    private final Instance<EarlyErrorWriter> writers;
    private volatile boolean closing;

    ShutdownGate(@Any Instance<EarlyErrorWriter> writers) {
        this.writers = writers;
    }

    void closing(@Observes ShutdownDelayInitiatedEvent event) {
        closing = true;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (!closing || context.request().path().startsWith("/q/")) {
                context.next();
                return;
            }
            EarlyProblems.answer(context, writers, 503, "unavailable", "Service unavailable",
                    "This instance is shutting down; nothing was changed. Retry shortly.", Map.of("Retry-After", "1"));
        });
    }
}
