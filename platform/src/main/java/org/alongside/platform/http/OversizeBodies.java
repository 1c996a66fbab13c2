package org.alongside.platform.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Refuses a body declared larger than the limit before anything reads it, with the same problem+json as every
 * other client error. The HTTP layer's own hard limit (set above this one) still stops bodies that lie about
 * their length or stream without one.
 */
@ApplicationScoped
public class OversizeBodies {

    private final long maxBytes;

    OversizeBodies(HttpConfig config) {
        this.maxBytes = config.maxBodyBytes();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared == null || !declared.matches("\\d{1,18}") || Long.parseLong(declared) <= maxBytes) {
                context.next();
                return;
            }
            EarlyProblems.answer(context, 413, "payload-too-large", "Payload too large", "The request body is "
                    + declared + " bytes; this service accepts at most " + maxBytes + ". Nothing was stored.", Map.of());
        });
    }
}
