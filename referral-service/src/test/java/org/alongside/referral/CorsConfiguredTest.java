package org.alongside.referral;

import static org.alongside.referral.CorsTest.preflight;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Naming an origin in quarkus.http.cors.origins opens CORS to that origin, and to no other. */
@QuarkusTest
@TestProfile(CorsConfiguredTest.OneOrigin.class)
class CorsConfiguredTest {

    public static class OneOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.origins", "https://app.alongside.example");
        }
    }

    @Test
    void theConfiguredOriginIsLetInAndNoOther() {
        preflight("https://app.alongside.example")
                .header("Access-Control-Allow-Origin", equalTo("https://app.alongside.example"));
        preflight("https://elsewhere.example").header("Access-Control-Allow-Origin", nullValue());
    }
}
