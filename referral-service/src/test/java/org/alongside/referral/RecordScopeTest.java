package org.alongside.referral;

import static io.restassured.RestAssured.given;
import static org.alongside.referral.ReferralTestSupport.as;
import static org.alongside.referral.ReferralTestSupport.asReferrer;
import static org.alongside.referral.ReferralTestSupport.referral;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.TestEvents;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Record scope in referral-service, read by id: a referrer sees only their organisation's referrals, a peer worker
 * only the people they support now; commissioners see no one's identity, supervisors only during an open concern
 * they are responsible for. Out of scope is 404.
 */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_referral_test"))
class RecordScopeTest {

    @Test
    void aReferrerReadingAnotherOrganisationsReferralById404s() {
        String id = asReferrer("B82001").body(referral("9434765919")).post("/referrals").then().statusCode(201)
                .extract().path("id");
        asReferrer("Y12345").get("/referrals/" + id).then().statusCode(404).contentType("application/problem+json");
        asReferrer("Y12345").get("/referrals/" + id + "/history").then().statusCode(404);
        asReferrer("Y12345").body(Map.of("reason", "REFERRER_REQUEST")).post("/referrals/" + id + "/withdraw")
                .then().statusCode(404);
        asReferrer("Y12345").post("/referrals/" + id + "/consent-withdrawal").then().statusCode(404);
        asReferrer("Y12345").header("Accept", "application/fhir+json").get("/fhir/ServiceRequest/" + id).then()
                .statusCode(404);
        asReferrer("Y12345").get("/referrals?size=200").then().statusCode(200).body("items.id", not(hasItem(id)));
        asReferrer("B82001").get("/referrals/" + id).then().statusCode(200);
    }

    @Test
    void aPeerWorkerSeesOnlyThePeopleTheySupportNow() {
        String id = as("coordinator").body(referral("9434765919")).post("/referrals").then().statusCode(201)
                .extract().path("id");
        as("coordinator").post("/referrals/" + id + "/accept").then().statusCode(200);
        UUID peer = UUID.randomUUID();
        asPeer(peer).get("/referrals/" + id).then().statusCode(404);
        TestEvents.publish("match.accepted", UUID.fromString(id),
                Map.of("referralId", id, "proposalId", UUID.randomUUID(), "peerId", peer, "score", 60));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asPeer(peer).get("/referrals/" + id).then()
                .statusCode(200).body("status", equalTo("MATCHED")));
        asPeer(UUID.randomUUID()).get("/referrals/" + id).then().statusCode(404)
                .contentType("application/problem+json");

        // support ended: the person is no longer their client
        as("coordinator").body(Map.of("reason", "GOALS_MET")).post("/referrals/" + id + "/close").then()
                .statusCode(200);
        asPeer(peer).get("/referrals/" + id).then().statusCode(404);

        // a supervisor sees a person only while a concern they are responsible for is open (SupervisorAccessTest)
        as("supervisor").get("/referrals/" + id).then().statusCode(404);
        as("commissioner").get("/referrals/" + id).then().statusCode(403);
    }

    private static RequestSpecification asPeer(UUID peer) {
        return given().header("Authorization", Tokens.bearer(Tokens.peerWorker(peer)));
    }
}
