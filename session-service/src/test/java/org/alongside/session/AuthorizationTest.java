package org.alongside.session;

import static org.alongside.session.SessionTestSupport.anonymous;
import static org.alongside.session.SessionTestSupport.as;
import static org.alongside.session.SessionTestSupport.expired;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.testing.AlongsideTestResource;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint needs a valid token, and referrers and commissioners see no session-level data: the
 * commissioner's view is outcomes-service's aggregates.
 */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_session_test"))
class AuthorizationTest {

    private record Call(String method, String path) {
    }

    private static final String ID = UUID.randomUUID().toString();

    private static final List<Call> CALLS = List.of(
            new Call("POST", "/sessions"), new Call("GET", "/sessions?referralId=" + ID),
            new Call("GET", "/sessions/" + ID), new Call("PUT", "/sessions/" + ID),
            new Call("POST", "/sessions/" + ID + "/entered-in-error"), new Call("GET", "/sessions/" + ID + "/versions"),
            new Call("POST", "/groups"), new Call("GET", "/groups"), new Call("GET", "/groups/" + ID),
            new Call("PUT", "/groups/" + ID), new Call("POST", "/groups/" + ID + "/meetings"),
            new Call("GET", "/groups/" + ID + "/meetings"),
            new Call("PUT", "/groups/" + ID + "/meetings/" + ID + "/attendance/" + ID),
            new Call("POST", "/referrals/" + ID + "/goals"), new Call("GET", "/referrals/" + ID + "/goals"),
            new Call("GET", "/goals/" + ID), new Call("POST", "/goals/" + ID + "/progress"),
            new Call("POST", "/referrals/" + ID + "/signposting"), new Call("GET", "/referrals/" + ID + "/signposting"),
            new Call("PUT", "/signposting/" + ID + "/take-up"),
            new Call("POST", "/safeguarding/concerns"), new Call("GET", "/safeguarding/concerns"),
            new Call("GET", "/safeguarding/concerns/" + ID), new Call("POST", "/safeguarding/concerns/" + ID + "/acknowledge"),
            new Call("POST", "/safeguarding/concerns/" + ID + "/close"),
            new Call("PUT", "/peers/" + ID + "/supervisor"), new Call("GET", "/peers/" + ID + "/supervisor"),
            new Call("POST", "/peers/" + ID + "/supervision"), new Call("GET", "/peers/" + ID + "/supervision"),
            new Call("GET", "/supervision/overdue"), new Call("GET", "/caseload?peerId=" + ID),
            new Call("GET", "/caseload/summaries"),
            new Call("GET", "/referrals/" + ID + "/subject-access"));

    @Test
    void withoutAValidTokenNothingAnswers() {
        for (Call call : CALLS) {
            send(anonymous(), call).then().statusCode(401).contentType("application/problem+json");
            send(expired("coordinator"), call).then().statusCode(401);
        }
    }

    @Test
    void referrersAndCommissionersSeeNoSessionLevelData() {
        for (String role : List.of("referrer", "commissioner")) {
            for (Call call : CALLS) {
                send(as(role), call).then().statusCode(403).contentType("application/problem+json")
                        .body("status", equalTo(403));
            }
        }
    }

    private static io.restassured.response.Response send(RequestSpecification request, Call call) {
        return request.body(Map.of()).request(call.method(), call.path());
    }
}
