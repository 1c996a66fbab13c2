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

    static UUID createPeer(Stack suite, String snomedCode, String display, int capacity) {
        String id = suite.as(MATCHING, "coordinator").body(Map.of(
                        "displayName", "Sam (peer)",
                        "livedExperience", List.of(Map.of("snomedCode", snomedCode, "display", display,
                                "kind", "PHYSICAL")),
                        "experiences", List.of("carer"),
                        "gender", "FEMALE",
                        "languages", List.of("en"),
                        "settings", List.of("ONE_TO_ONE"),
                        "media", List.of("IN_PERSON", "TELEPHONE"),
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
                "preferences", Map.of("settings", List.of("ONE_TO_ONE"), "media", List.of("IN_PERSON"),
                        "sharedCondition", true),
                "consent", Map.of("peerSupport", true, "shareWithGp", true),
                "imdDecile", 3);
    }

    static String refer(Stack suite, Map<String, Object> body) {
        return suite.bearer(REFERRAL, org.alongside.platform.testing.Tokens.referrer(ODS)).body(body)
                .post("/referrals").then().statusCode(201).extract().path("id");
    }

    static void accept(Stack suite, String referralId) {
        suite.as(REFERRAL, "coordinator").post("/referrals/" + referralId + "/accept").then().statusCode(200);
    }

    static String status(Stack suite, String referralId) {
        return suite.as(REFERRAL, "coordinator").get("/referrals/" + referralId).then().statusCode(200)
                .extract().path("status");
    }

    static JsonPath proposals(Stack suite, String referralId) {
        return suite.as(MATCHING, "coordinator").get("/referrals/" + referralId + "/proposals")
                .then().extract().jsonPath();
    }

    static int proposalsStatus(Stack suite, String referralId) {
        return suite.as(MATCHING, "coordinator").get("/referrals/" + referralId + "/proposals").statusCode();
    }

    /** A person supported by their own new peer: referred by {@link #ODS}, accepted, matched, one session held. */
    record Supported(String referralId, UUID peerId, String sessionId) {
    }

    static final String SESSION_NOTES = "Spoke about the hospital letter and the allotment";

    static Supported supported(Stack suite, String givenName, String nhsNumber, String snomedCode, String display) {
        Map<String, Object> peer = Map.of(
                "displayName", "Peer of " + givenName,
                "livedExperience", List.of(Map.of("snomedCode", snomedCode, "display", display, "kind", "PHYSICAL")),
                "experiences", List.of("carer"), "gender", "FEMALE", "languages", List.of("en"),
                "settings", List.of("ONE_TO_ONE"), "media", List.of("IN_PERSON", "TELEPHONE"), "capacity", 5,
                "active", true);
        UUID peerId = UUID.fromString(suite.as(MATCHING, "coordinator").body(peer).post("/peers").then()
                .statusCode(201).extract().path("id"));
        String referralId = refer(suite, referral(givenName, nhsNumber, "LS6 2AB", snomedCode, display));
        accept(suite, referralId);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> proposalsStatus(suite, referralId) == 200
                        && proposals(suite, referralId).getList("proposals.peerId").contains(peerId.toString()));
        String proposalId = proposals(suite, referralId).getString("proposals.find { it.peerId == '" + peerId
                + "' }.id");
        suite.as(MATCHING, "coordinator").post("/proposals/" + proposalId + "/accept").then().statusCode(200);
        Map<String, Object> session = Map.of("referralId", referralId, "peerId", peerId.toString(),
                "startedAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(2).toString(),
                "durationMinutes", 45, "medium", "TELEPHONE", "attendance", "ATTENDED",
                "focus", List.of("EMOTIONAL_SUPPORT"), "notes", SESSION_NOTES);
        String[] sessionId = new String[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            var response = suite.asPeer(Suite.Service.SESSION, peerId).body(session).post("/sessions");
            sessionId[0] = response.statusCode() == 201 ? response.path("id") : null;
            return sessionId[0] != null;
        });
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> "ACTIVE".equals(status(suite, referralId)));
        return new Supported(referralId, peerId, sessionId[0]);
    }

    static JsonPath summary(Stack suite) {
        return suite.as(OUTCOMES, "commissioner").get("/dashboard/summary").then().statusCode(200)
                .extract().jsonPath();
    }
}
