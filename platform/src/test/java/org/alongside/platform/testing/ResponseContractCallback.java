package org.alongside.platform.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts {@link ResponseContract} in front of every REST Assured call of every {@code @QuarkusTest}, so each service's
 * whole test suite, not a sample, checks that the service answers as its OpenAPI document says. Found by Quarkus
 * through {@code META-INF/services}; on in a service whose build sets {@code alongside.test.response-contract}, as
 * each one does once its answers keep to its document.
 */
public class ResponseContractCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (Boolean.getBoolean("alongside.test.response-contract")
                && RestAssured.filters().stream().noneMatch(ResponseContract.class::isInstance)) {
            RestAssured.filters(new ResponseContract());
        }
    }
}
