package org.alongside.journey;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.alongside.platform.testing.Tokens;

/** The four running services a test talks to over HTTP: the shared {@link Suite} or a {@link FaultStack}. */
interface Stack {

    /** Where to reach the service (its first running instance). */
    String url(Suite.Service service);

    default RequestSpecification bearer(Suite.Service service, String token) {
        return RestAssured.given().baseUri(url(service)).contentType(ContentType.JSON)
                .header("Authorization", Tokens.bearer(token));
    }

    default RequestSpecification as(Suite.Service service, String role) {
        return bearer(service, Tokens.as(role));
    }

    default RequestSpecification asSupervisor(Suite.Service service, String subject) {
        return bearer(service, Tokens.supervisor(subject));
    }

    default RequestSpecification asReferrer(Suite.Service service, String odsCode) {
        return bearer(service, Tokens.referrer(odsCode));
    }

    default RequestSpecification asPeer(Suite.Service service, UUID peerId) {
        return bearer(service, Tokens.peerWorker(peerId));
    }

    default RequestSpecification anonymous(Suite.Service service) {
        return RestAssured.given().baseUri(url(service));
    }
}
