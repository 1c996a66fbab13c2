package org.alongside.platform.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Map;

/**
 * Refuses a body declared larger than the limit before anything reads it, with the same problem+json as every
 * other client error. The HTTP layer's own hard limit (set above this one) still stops bodies that lie about
 * their length or stream without one.
 */
@ApplicationScoped
public class OversizeBodies {

    private final long maxBytes;
    private final Instance<EarlyErrorWriter> writers;

    OversizeBodies(HttpConfig config, @Any Instance<EarlyErrorWriter> writers) {
        this.maxBytes = config.maxBodyBytes();
        this.writers = writers;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared == null || !declared.matches("\\d{1,18}") || Long.parseLong(declared) <= maxBytes) {
                context.next();
                return;
            }
            EarlyProblems.answer(context, writers, 413, "payload-too-large", "Payload too large", "The request body is "
                    + declared + " bytes; this service accepts at most " + maxBytes + ". Nothing was stored.", Map.of());
        });
    }
}
