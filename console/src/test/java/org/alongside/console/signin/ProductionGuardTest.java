package org.alongside.console.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.alongside.console.entry.SignInPage;
import org.junit.jupiter.api.Test;

class ProductionGuardTest {

    @Test
    void productionNeedsAnIdentityProviderAndNoDevelopmentSignIn() {
        assertTrue(ProductionGuard.problems(false, Optional.of("https://login.example.nhs.uk/realms/alongside"),
                Optional.empty()).isEmpty());
        assertEquals(1, ProductionGuard.problems(true, Optional.of("https://login.example.nhs.uk/realms/a"),
                Optional.empty()).size());
        assertTrue(ProductionGuard.problems(false, Optional.empty(), Optional.empty()).get(0)
                .contains("ALONGSIDE_OIDC_URL"));
        assertTrue(ProductionGuard.problems(false, Optional.of("http://keycloak:8080/realms/a"), Optional.empty())
                .get(0).contains("https"));
        assertEquals(1, ProductionGuard.problems(false, Optional.of("https://login.example.nhs.uk/realms/a"),
                Optional.of(false)).size());
    }

    @Test
    void onlyLocalPathsAreReturnedToAfterSignIn() {
        assertEquals("/coordinator/worklist?status=RECEIVED",
                SignInPage.safeReturn("/coordinator/worklist?status=RECEIVED"));
        assertEquals("/", SignInPage.safeReturn("https://evil.example/"));
        assertEquals("/", SignInPage.safeReturn("//evil.example/"));
        assertEquals("/", SignInPage.safeReturn("/\\evil.example"));
        assertEquals("/", SignInPage.safeReturn(null));
    }
}
