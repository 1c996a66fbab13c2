package org.alongside.referral;

import static io.restassured.RestAssured.given;
import static org.alongside.referral.ReferralTestSupport.as;
import static org.alongside.referral.ReferralTestSupport.asReferrer;
import static org.alongside.referral.ReferralTestSupport.referralFor;
import static org.alongside.referral.ReferralTestSupport.uniqueLetters;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.testing.TestEvents;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** A coordinator finds a person by NHS number, name or birth date, within scope; the worklist's order is chosen. */
@QuarkusTest
class ReferralSearchTest {

    @Test
    void aPersonIsFoundByNhsNumberWithOrWithoutSpacesAndTheSearchIsAudited() {
        String nhs = ReferralTestSupport.newNhsNumber();
        String id = as("coordinator").body(referralFor(Map.of("nhsNumber", nhs))).post("/referrals").then()
                .statusCode(201).extract().path("id");
        String spaced = nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
        as("coordinator").queryParam("nhsNumber", spaced).get("/referrals").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id)).body("page", equalTo(0));
        as("admin").get("/audit?referralId=" + id).then().statusCode(200)
                .body("items.find { it.operation == 'GET ReferralResource.list' }.actor",
                        equalTo("test-coordinator@alongside.local"))
                .body("items.find { it.operation == 'GET ReferralResource.list' }.action", equalTo("READ"));
    }

    @Test
    void everyPersonASearchFindsIsAuditedAsARead() {
        String family = "Audited" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        List<String> ids = List.of(1, 2, 3).stream().map(n -> as("coordinator")
                .body(referralFor(Map.of("familyName", family))).post("/referrals").then().statusCode(201)
                .extract().<String>path("id")).toList();
        as("coordinator").queryParam("name", family).get("/referrals").then().statusCode(200)
                .body("total", equalTo(3));
        for (String id : ids) {
            as("admin").get("/audit?referralId=" + id).then().statusCode(200)
                    .body("items.findAll { it.operation == 'GET ReferralResource.list' }.recordIds",
                            equalTo(List.of(List.of(id))));
        }
    }

    @Test
    void aMalformedNhsNumberOrABadCheckDigitIsA400NamingIt() {
        for (String bad : new String[] {"9434765918", "12345", "94347659AB"}) {
            as("coordinator").queryParam("nhsNumber", bad).get("/referrals").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("nhsNumber"));
        }
        as("coordinator").queryParam("birthDate", "09/04/1961").get("/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("birthDate"));
        as("coordinator").queryParam("sort", "alphabetical").get("/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void aNameMatchesTheStartOfTheFamilyOrGivenNameInAnyCaseWithOrWithoutAccents() {
        String letters = uniqueLetters();
        String id = as("coordinator").body(referralFor(Map.of("givenName", "Zoë" + letters,
                "familyName", "Ångström-" + letters, "birthDate", "1975-02-14"))).post("/referrals").then()
                .statusCode(201).extract().path("id");
        for (String name : new String[] {"angstrom-" + letters, "ÅNGSTRÖM-" + letters.substring(0, 3),
                "zoe" + letters, "Zoë" + letters + " angst"}) {
            as("coordinator").queryParam("name", name).get("/referrals").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        }
        as("coordinator").queryParam("name", "ngstrom-" + letters).get("/referrals").then().body("total", equalTo(0));
        as("coordinator").queryParam("name", "zoe" + letters).queryParam("birthDate", "1975-02-14").get("/referrals")
                .then().body("total", equalTo(1));
        as("coordinator").queryParam("name", "zoe" + letters).queryParam("birthDate", "1975-02-15").get("/referrals")
                .then().body("total", equalTo(0));
        as("coordinator").queryParam("name", "%").get("/referrals").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theSearchStaysWithinTheCallersScope() {
        String letters = uniqueLetters();
        String id = asReferrer("B82001").body(referralFor(Map.of("familyName", "Scope" + letters))).post("/referrals")
                .then().statusCode(201).extract().path("id");
        asReferrer("Y12345").queryParam("name", "scope" + letters).get("/referrals").then().statusCode(200)
                .body("total", equalTo(0));
        asReferrer("B82001").queryParam("name", "scope" + letters).get("/referrals").then()
                .body("items[0].id", equalTo(id));

        // a peer worker finds the people matched to them, with their own token and peerId, and no one else
        as("coordinator").post("/referrals/" + id + "/accept").then().statusCode(200);
        UUID peer = UUID.randomUUID();
        TestEvents.publish("match.accepted", UUID.fromString(id),
                Map.of("referralId", id, "proposalId", UUID.randomUUID(), "peerId", peer, "score", 60));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asPeer(peer).queryParam("peerId", peer)
                .get("/referrals").then().statusCode(200).body("items.id", contains(id))
                .body("items[0].person.familyName", equalTo("Scope" + letters)));
        asPeer(UUID.randomUUID()).queryParam("peerId", peer).get("/referrals").then().statusCode(200)
                .body("total", equalTo(0));
        as("coordinator").queryParam("peerId", peer).get("/referrals").then().body("items.id", contains(id));
        as("supervisor").get("/referrals").then().statusCode(403);
    }

    @Test
    void theWorklistPutsUrgentReferralsFirstThenTheLongestWaitingOrTheOrderChosen() {
        String family = "Order" + uniqueLetters();
        String routineOld = create(family, "ROUTINE");
        String urgent = create(family, "URGENT");
        String routineNew = create(family, "ROUTINE");
        as("coordinator").queryParam("name", family).get("/referrals").then().statusCode(200)
                .body("items.id", contains(urgent, routineOld, routineNew));
        as("coordinator").queryParam("name", family).queryParam("sort", "waiting").get("/referrals").then()
                .body("items.id", contains(routineOld, urgent, routineNew));
        as("coordinator").queryParam("name", family).queryParam("sort", "received").get("/referrals").then()
                .body("items.id", contains(routineNew, urgent, routineOld));
        given().get("/q/openapi?format=json").then()
                .body("paths.'/referrals'.get.parameters.find { it.name == 'sort' }.description",
                        containsString("urgent referrals first"))
                .body("paths.'/referrals'.get.parameters.find { it.name == 'sort' }.schema.enum",
                        hasItem("urgency"));
    }

    private static String create(String family, String urgency) {
        Map<String, Object> body = new HashMap<>(referralFor(Map.of("familyName", family)));
        body.put("urgency", urgency);
        return as("coordinator").body(body).post("/referrals").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.specification.RequestSpecification asPeer(UUID peer) {
        return given().header("Authorization", Tokens.bearer(Tokens.peerWorker(peer)));
    }
}
