package org.alongside.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console on its own, with every service it calls unreachable (nothing answers on the ports it is given): the
 * development sign-in, being sent to sign in and back, and pages that say which service is unavailable instead of
 * failing. The journeys against the running services are in journey-tests (ConsoleJourneyTest).
 */
@QuarkusTest
@TestProfile(SignInAndFailureTest.NoServices.class)
class SignInAndFailureTest {

    public static class NoServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // port 9 (discard) on loopback: refused at once, as a service that is down
            return Map.of("quarkus.rest-client.referral.url", "http://127.0.0.1:9",
                    "quarkus.rest-client.matching.url", "http://127.0.0.1:9",
                    "quarkus.rest-client.session.url", "http://127.0.0.1:9",
                    "quarkus.rest-client.outcomes.url", "http://127.0.0.1:9");
        }
    }

    @Test
    void aPageAskedForWithoutASessionSendsThePersonToSignInAndBack() {
        given().redirects().follow(false).get("/coordinator/worklist?status=RECEIVED").then().statusCode(302)
                .header("Location", "/sign-in?return=%2Fcoordinator%2Fworklist%3Fstatus%3DRECEIVED");
        given().get("/sign-in?return=/coordinator/worklist").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("name=\"return\" value=\"/coordinator/worklist\""))
                // matching-service is not there: the persona list says so, the page still works
                .body(containsString("type a peer id instead"));
        String session = signIn("coordinator", "/coordinator/worklist?status=RECEIVED");
        assertNotNull(session);
        given().cookie("alongside_dev_session", session).get("/coordinator/worklist").then().statusCode(503)
                .body(containsString("The Referrals service is not answering"))
                .body(not(containsString("Exception")))
                .body(not(containsString("at org.")));
    }

    @Test
    void aReturnAddressElsewhereIsIgnored() {
        given().get("/sign-in?return=https://evil.example/").then().statusCode(200)
                .body(containsString("name=\"return\" value=\"/\""));
    }

    @Test
    void aSignInWithoutAPersonaSaysWhatIsMissing() {
        Response page = given().get("/sign-in");
        String csrf = page.cookie("csrf-token");
        given().cookie("csrf-token", csrf).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf).formParam("role", "peer-worker").formParam("peerId", "nobody")
                .post("/sign-in").then().statusCode(400)
                .body(containsString("nhsuk-error-summary"))
                .body(containsString("choose the peer worker to sign in as"));
    }

    private static String signIn(String role, String back) {
        String csrf = given().get("/sign-in").cookie("csrf-token");
        return given().redirects().follow(false).cookie("csrf-token", csrf)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf)
                .formParam("role", role).formParam("return", back).post("/sign-in").then().statusCode(303)
                .header("Location", containsString(back.substring(0, back.indexOf('?'))))
                .extract().cookie("alongside_dev_session");
    }
}
