package org.alongside.journey;

import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * As shipped, no service lets a page on another origin call it: with no quarkus.http.cors.origins, a browser's
 * preflight from anywhere gets no Access-Control-Allow-* header from any of the four services, so the browser
 * refuses the call. (Naming an origin opens CORS to it alone: referral-service's CorsTest.)
 */
class CrossOriginTest {

    /** An endpoint of each service that a web front end would call first. */
    private static final Map<Suite.Service, String> ENDPOINTS = Map.of(Suite.Service.REFERRAL, "/referrals",
            Suite.Service.MATCHING, "/peers", Suite.Service.SESSION, "/sessions",
            Suite.Service.OUTCOMES, "/dashboard/summary");

    private final Suite suite = Suite.get();

    @Test
    void asShippedNoServiceAnswersAnotherOriginsPreflight() {
        for (Suite.Service service : Suite.Service.values()) {
            suite.anonymous(service).header("Origin", "https://elsewhere.example")
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization")
                    .options(ENDPOINTS.get(service)).then()
                    .header("Access-Control-Allow-Origin", nullValue())
                    .header("Access-Control-Allow-Methods", nullValue())
                    .header("Access-Control-Allow-Headers", nullValue())
                    .header("Access-Control-Allow-Credentials", nullValue());
        }
    }
}
