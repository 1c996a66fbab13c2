package org.alongside.referral;

import static org.alongside.referral.ReferralTestSupport.as;
import static org.alongside.referral.ReferralTestSupport.referralFor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.alongside.platform.testing.ResponseContract;
import org.junit.jupiter.api.Test;

/** A coordinator corrects a referral with a JSON Merge Patch, checked as at intake and kept in the history. */
@QuarkusTest
class ReferralCorrectionTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static RequestSpecification patch() {
        return as("coordinator").contentType(MERGE_PATCH);
    }

    private static String created() {
        return as("coordinator").body(referralFor(Map.of("phone", "0113 496 0000"))).post("/referrals").then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void aCoordinatorFindsAPersonAndCorrectsTheirPhoneNumberKeptInTheHistoryWithoutAnEvent() {
        String nhs = ReferralTestSupport.newNhsNumber();
        String id = as("coordinator").body(referralFor(Map.of("nhsNumber", nhs, "phone", "0113 496 0000")))
                .post("/referrals").then().statusCode(201).extract().path("id");
        String found = as("coordinator").queryParam("nhsNumber", nhs).get("/referrals").then().statusCode(200)
                .extract().path("items[0].id");
        assertEquals(id, found);

        patch().body("{\"person\": {\"phone\": \"07700 900123\", \"email\": null}}").patch("/referrals/" + id)
                .then().statusCode(200)
                .body("person.phone", equalTo("07700 900123"))
                .body("person.familyName", equalTo("Quayle"))
                .body("conditions.size()", equalTo(2));
        as("coordinator").get("/referrals/" + id).then().body("person.phone", equalTo("07700 900123"));
        as("coordinator").get("/referrals/" + id + "/history").then().statusCode(200)
                .body("items.toStatus", contains("RECEIVED", "RECEIVED"))
                .body("items[1].changedFields", contains("person.phone"))
                .body("items[1].actor", equalTo("test-coordinator@alongside.local"))
                .body("items[1].reason", equalTo("corrected person.phone"))
                .body("items[0].changedFields", nullValue());
        as("admin").get("/audit?referralId=" + id).then()
                .body("items.operation", hasItem("PATCH ReferralResource.correct"));

        // the same patch again changes nothing and records nothing
        patch().body("{\"person\": {\"phone\": \"07700 900123\"}}").patch("/referrals/" + id).then().statusCode(200);
        as("coordinator").get("/referrals/" + id + "/history").then().body("total", equalTo(2));
    }

    @Test
    void aCorrectionMatchingUsesIsPublishedWithoutIdentity() {
        String id = created();
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.REFERRALS)) {
            patch().body("""
                    {"person": {"familyName": "Quayle-Moss", "ethnicity": "M"},
                     "preferences": {"media": ["VIDEO"]},
                     "experiences": ["bereavement"]}""").patch("/referrals/" + id).then().statusCode(200)
                    .body("preferences.media", contains("VIDEO"))
                    .body("preferences.settings", contains("ONE_TO_ONE"))
                    .body("preferences.sharedCondition", equalTo(true));
            JsonNode event = probe.await(EventProbe.ofType("referral.updated", id), Duration.ofSeconds(20));
            JsonNode data = event.path("data");
            assertEquals("M", data.path("ethnicity").asText());
            assertEquals("[\"VIDEO\"]", data.path("preferences").path("media").toString());
            assertEquals("[\"bereavement\"]", data.path("experiences").toString());
            assertFalse(event.toString().contains("Quayle"), event.toString());
        }
        // stored, not only answered: values kept as JSON are replaced whole, and the replacement is written
        as("coordinator").get("/referrals/" + id).then().statusCode(200)
                .body("preferences.media", contains("VIDEO")).body("experiences", contains("bereavement"));
        as("coordinator").get("/referrals/" + id + "/history").then()
                .body("items[1].changedFields", contains("experiences", "person.ethnicity", "person.familyName",
                        "preferences.media"));
    }

    @Test
    void aPatchThatWouldMakeTheReferralInvalidIsRefusedNamingTheFieldAndWritesNothing() {
        String id = created();
        patch().body("{\"person\": {\"nhsNumber\": \"9434765918\"}}").patch("/referrals/" + id).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("person.nhsNumber"));
        patch().body("{\"person\": {\"nhsNumber\": null}}").patch("/referrals/" + id).then().statusCode(400)
                .body("errors.field", hasItem("person.nhsNumber"));
        patch().body("{\"conditions\": []}").patch("/referrals/" + id).then().statusCode(400)
                .body("errors.field", hasItem("conditions"));
        patch().body("{\"person\": {\"givenName\": null}}").patch("/referrals/" + id).then().statusCode(400)
                .body("errors.field", hasItem("person.givenName"));
        patch().body("{\"person\": {\"gender\": \"woman\"}}").patch("/referrals/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("person.gender"));
        patch().body("{\"person\": {\"shoeSize\": 9}}").patch("/referrals/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("person.shoeSize"));
        patch().body("{\"status\": \"CLOSED\"}").patch("/referrals/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        patch().body("[1, 2]").patch("/referrals/" + id).then().statusCode(400);
        patch().body("{\"person\": ").patch("/referrals/" + id).then().statusCode(400);
        as("coordinator").get("/referrals/" + id + "/history").then().body("total", equalTo(1));
        as("coordinator").get("/referrals/" + id).then().body("person.nhsNumber", equalTo(
                as("coordinator").get("/referrals/" + id).then().extract().path("person.nhsNumber")));
    }

    @Test
    void everyPatchTheServiceTakesIsOneItsDocumentAllows() {
        String id = created();
        String base = "http://localhost:" + RestAssured.port;
        // what a generated client sends: only the fields that change, null to remove one
        for (String taken : List.of(
                "{}",
                "{\"person\": {\"phone\": \"07700 900123\"}}",
                "{\"person\": {\"email\": null, \"gender\": null}, \"preferences\": {\"peerGender\": null}}",
                "{\"experiences\": [\"bereavement\"], \"availability\": null, \"preferences\": null}")) {
            assertEquals(List.of(), ResponseContract.checkRequest(base, "PATCH", "/referrals/" + id, MERGE_PATCH,
                    taken), taken);
            patch().body(taken).patch("/referrals/" + id).then().statusCode(200);
        }
    }

    @Test
    void onlyMergePatchIsTakenAndOnlyByThoseWhoTriage() {
        String id = created();
        as("coordinator").contentType("application/json").body("{\"person\": {\"phone\": \"07700 900123\"}}")
                .patch("/referrals/" + id).then().statusCode(415).contentType("application/problem+json");
        ReferralTestSupport.asReferrer("B82001").contentType(MERGE_PATCH).body("{\"person\": {\"phone\": \"1\"}}")
                .patch("/referrals/" + id).then().statusCode(403);
        patch().body("{\"person\": {\"phone\": \"07700 900123\"}}").patch("/referrals/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
        patch().body(Map.of("conditions", List.of(Map.of("display", "Asthma", "kind", "PHYSICAL"))))
                .patch("/referrals/" + id).then().statusCode(200).body("conditions.display", contains("Asthma"));
    }
}
