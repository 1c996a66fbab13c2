package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.OUTCOMES;
import static org.alongside.journey.Suite.Service.REFERRAL;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The steps of a journey, as the people and systems involved would take them over HTTP. */
final class Journeys {

    static final String ODS = "B82001";

    private Journeys() {
    }

    static UUID createPeer(Suite suite, String snomedCode, String display, int capacity) {
        String id = suite.as(MATCHING, "coordinator").body(Map.of(
                        "displayName", "Sam (peer)",
                        "livedExperience", List.of(Map.of("snomedCode", snomedCode, "display", display,
                                "kind", "PHYSICAL")),
                        "experiences", List.of("carer"),
                        "gender", "FEMALE",
                        "languages", List.of("en"),
                        "formats", List.of("ONE_TO_ONE", "TELEPHONE"),
                        "capacity", capacity,
                        "active", true))
                .post("/peers").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static Map<String, Object> referral(String givenName, String nhsNumber, String postcode, String snomedCode,
            String display) {
        return Map.of(
                "referrer", Map.of("type", "GP_PRACTICE", "odsCode", ODS),
                "person", Map.of("nhsNumber", nhsNumber, "givenName", givenName, "familyName", "Journey",
                        "birthDate", "1970-02-03", "gender", "MALE", "postcode", postcode, "language", "en"),
                "conditions", List.of(Map.of("snomedCode", snomedCode, "display", display, "kind", "PHYSICAL")),
                "reason", "I would like to talk to someone who has been through it",
                "preferences", Map.of("formats", List.of("ONE_TO_ONE"), "sharedCondition", true),
                "consent", Map.of("peerSupport", true, "shareWithGp", true),
                "imdDecile", 3);
    }

    static String refer(Suite suite, Map<String, Object> body) {
        return suite.bearer(REFERRAL, org.alongside.platform.testing.Tokens.referrer(ODS)).body(body)
                .post("/referrals").then().statusCode(201).extract().path("id");
    }

    static void accept(Suite suite, String referralId) {
        suite.as(REFERRAL, "coordinator").post("/referrals/" + referralId + "/accept").then().statusCode(200);
    }

    static String status(Suite suite, String referralId) {
        return suite.as(REFERRAL, "coordinator").get("/referrals/" + referralId).then().statusCode(200)
                .extract().path("status");
    }

    static JsonPath proposals(Suite suite, String referralId) {
        return suite.as(MATCHING, "coordinator").get("/referrals/" + referralId + "/proposals")
                .then().extract().jsonPath();
    }

    static int proposalsStatus(Suite suite, String referralId) {
        return suite.as(MATCHING, "coordinator").get("/referrals/" + referralId + "/proposals").statusCode();
    }

    static JsonPath summary(Suite suite) {
        return suite.as(OUTCOMES, "commissioner").get("/dashboard/summary").then().statusCode(200)
                .extract().jsonPath();
    }
}
