package org.alongside.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * CORS is closed unless configured (the platform's default): a browser page on another origin gets no
 * Access-Control-Allow-* headers to a preflight, so it cannot call the API. {@link CorsConfiguredTest} opens it.
 */
@QuarkusTest
class CorsTest {

    static ValidatableResponse preflight(String origin) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/referrals").then();
    }

    @Test
    void aCrossOriginPreflightGetsNoCorsHeadersByDefault() {
        preflight("https://elsewhere.example")
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .header("Access-Control-Allow-Headers", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
    }
}
