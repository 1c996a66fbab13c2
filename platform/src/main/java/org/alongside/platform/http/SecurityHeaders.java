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

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            context.response().headersEndHandler(ignored -> {
                var headers = context.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                if (!headers.contains("Cache-Control")) {
                    headers.set("Cache-Control", "no-store");
                }
                if (!headers.contains("Content-Security-Policy") && !context.request().path().startsWith("/q/")) {
                    headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                }
            });
            context.next();
        });
    }
}
