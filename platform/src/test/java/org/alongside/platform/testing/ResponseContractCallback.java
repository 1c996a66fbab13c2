package org.alongside.platform.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts {@link ResponseContract} in front of every REST Assured call of every {@code @QuarkusTest}, so each service's
 * whole test suite, not a sample, checks that the service answers as its OpenAPI document says. Found by Quarkus
 * through {@code META-INF/services}; on where the build sets {@code alongside.test.response-contract}: the parent
 * pom's surefire configuration does, for every module but the console (which publishes no OpenAPI document).
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
