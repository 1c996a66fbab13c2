package org.alongside.platform.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every answer carries: nothing is sniffed, framed, cached or leaked through the Referer. An API answer
 * is data, never a page, so its Content-Security-Policy forbids everything; a page (the dashboard) sets its own.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final java.util.List<String> CORS_HEADERS = java.util.List.of("Access-Control-Allow-Methods",
            "Access-Control-Allow-Headers", "Access-Control-Allow-Credentials", "Access-Control-Expose-Headers",
            "Access-Control-Max-Age");

    void register(@Observes Router router) {
        // Set before anything else runs; a resource that sets its own (a page's CSP) replaces them.
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            var headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            if (!context.request().path().startsWith("/q/")) {
                headers.set("Cache-Control", "no-store");
                headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            }
            // CORS is closed unless quarkus.http.cors.origins names the caller's origin: then the CORS filter allows
            // it. An origin it does not allow gets no Access-Control-* header at all, not half an answer.
            context.addHeadersEndHandler(ignored -> {
                var answer = context.response().headers();
                if (!answer.contains("Access-Control-Allow-Origin")) {
                    CORS_HEADERS.forEach(answer::remove);
                }
            });
            context.next();
        });
    }
}
