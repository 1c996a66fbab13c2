package org.alongside.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * Naming an origin in quarkus.http.cors.origins opens CORS to that origin and to no other: a browser page elsewhere
 * gets no Access-Control-Allow-* headers to a preflight, so it cannot call the API. The tests' configuration names
 * https://app.alongside.example; that CORS is closed to every origin when none is named, as shipped, is
 * journey-tests' CrossOriginTest.
 */
@QuarkusTest
class CorsTest {

    private static ValidatableResponse preflight(String origin) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/referrals").then();
    }

    @Test
    void theConfiguredOriginIsLetIn() {
        preflight("https://app.alongside.example")
                .header("Access-Control-Allow-Origin", equalTo("https://app.alongside.example"));
    }

    @Test
    void anOriginNotConfiguredGetsNoCorsHeaders() {
        preflight("https://elsewhere.example")
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .header("Access-Control-Allow-Headers", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
    }
}
