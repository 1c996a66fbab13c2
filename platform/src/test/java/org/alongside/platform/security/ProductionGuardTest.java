package org.alongside.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionGuardTest {

    @Test
    void aProperlyConfiguredProductionServiceStarts() {
        assertTrue(ProductionGuard.problems(Optional.of("https://login.example.nhs.uk/.well-known/jwks.json"),
                Optional.empty(), Optional.of("https://login.example.nhs.uk")).isEmpty());
    }

    @Test
    void theDevelopmentKeyIsRefused() {
        assertEquals(1, ProductionGuard.problems(Optional.of("dev-jwt/public.pem"), Optional.empty(),
                Optional.of("https://login.example.nhs.uk")).size());
    }

    @Test
    void aMissingJwksUrlOrIssuerIsRefused() {
        assertEquals(2, ProductionGuard.problems(Optional.empty(), Optional.empty(), Optional.empty()).size());
        assertEquals(1, ProductionGuard.problems(Optional.of("http://plain.example/jwks"), Optional.empty(),
                Optional.of("https://login.example.nhs.uk")).size());
        assertEquals(1, ProductionGuard.problems(Optional.of("https://login.example.nhs.uk/jwks"), Optional.empty(),
                Optional.of("https://alongside.local/dev-issuer")).size());
    }
}
