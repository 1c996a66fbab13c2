package org.alongside.outcomes.dashboard;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Lets a browser reach the dashboard page and its CSV download, which it opens by navigation and so cannot send
 * an Authorization header: for those two GETs only, an {@code access_token} query parameter (RFC 6750 section
 * 2.3) stands in for the header, and is then checked like any bearer token. A browser that comes without a
 * token is sent to the sign-in form. Every dashboard answer gets strict security headers; the page carries no
 * script at all, so its Content-Security-Policy allows none.
 */
@ApplicationScoped
public class BrowserAccess {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'; object-src 'none'; "
            + "style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Set<String> NAVIGABLE = Set.of("/dashboard", "/dashboard/summary.csv");

    void register(@Observes Filters filters) {
        filters.register(this::filter, 100);
    }

    private void filter(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = context.normalizedPath();
        if (!path.equals("/dashboard") && !path.startsWith("/dashboard/") && !path.startsWith("/assets/")) {
            context.next();
            return;
        }
        context.addHeadersEndHandler(ignored -> secure(context.response()));
        if (request.method() == HttpMethod.GET && NAVIGABLE.contains(path)
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            String token = request.getParam("access_token");
            if (token != null && !token.isBlank()) {
                request.headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token.strip());
            } else if (path.equals("/dashboard") && accepts(request, "text/html")) {
                // the period asked for survives signing in
                String query = request.query();
                context.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION,
                        "/dashboard/sign-in" + (query == null || query.isEmpty() ? "" : "?" + query)).end();
                return;
            }
        }
        context.next();
    }

    private static boolean accepts(HttpServerRequest request, String mediaType) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(mediaType);
    }

    private static void secure(HttpServerResponse response) {
        response.putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cross-Origin-Opener-Policy", "same-origin")
                .putHeader("Cross-Origin-Resource-Policy", "same-origin")
                .putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!response.headers().contains(HttpHeaders.CACHE_CONTROL)) {
            response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
