package org.alongside.referral;

import static io.restassured.RestAssured.given;
import static org.alongside.referral.ReferralTestSupport.as;
import static org.alongside.referral.ReferralTestSupport.asReferrer;
import static org.alongside.referral.ReferralTestSupport.newNhsNumber;
import static org.alongside.referral.ReferralTestSupport.referral;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.alongside.platform.security.VerifiedTokens;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@SuppressWarnings("unchecked")
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_referral_test"))
class ReferralApiTest {

    @Test
    void aValidReferralIsReceivedAndAnnouncedWithoutIdentity() {
        String id = as("coordinator").body(referral("943 476 5919")).post("/referrals")
                .then().statusCode(201)
                .header("Location", containsString("/referrals/"))
                .body("status", equalTo("RECEIVED"))
                .body("person.nhsNumber", equalTo("9434765919"))
                .body("receivedAt", notNullValue())
                .extract().path("id");

        as("coordinator").get("/referrals/" + id).then().statusCode(200)
                .body("person.familyName", equalTo("Quayle"))
                .body("conditions.snomedCode", hasItem("44054006"));

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.REFERRALS)) {
            JsonNode event = probe.await(EventProbe.ofType("referral.received", id), Duration.ofSeconds(20));
            assertEquals("1.0", event.path("specversion").asText());
            assertEquals("/alongside/referral-service", event.path("source").asText());
            assertEquals("65-74", event.path("data").path("ageBand").asText());
            String text = event.toString();
            for (String identity : new String[] {"9434765919", "Quayle", "Ada", "LS6 2AB", "1961-04-09", "husband"}) {
                assertFalse(text.contains(identity), "event leaks " + identity + ": " + text);
            }
        }
    }

    @Test
    void aLinkWorkersOrganisationIsNamedInTheEventButTheyAreNot() {
        Map<String, Object> body = new HashMap<>(referral(newNhsNumber()));
        body.put("referrer", Map.of("type", "LINK_WORKER", "odsCode", "Y02345",
                "organisationName", "  Leeds Community Connectors ", "name", "Sam Okafor", "phone", "0113 496 0000"));
        String id = as("coordinator").body(body).post("/referrals").then().statusCode(201)
                .body("referrer.organisationName", equalTo("Leeds Community Connectors"))
                .body("referrer.name", equalTo("Sam Okafor"))
                .extract().path("id");

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.REFERRALS)) {
            JsonNode event = probe.await(EventProbe.ofType("referral.received", id), Duration.ofSeconds(20));
            assertEquals("Y02345", event.path("data").path("referrerOdsCode").asText());
            assertEquals("Leeds Community Connectors", event.path("data").path("referrerOrganisationName").asText());
            assertFalse(event.toString().contains("Sam Okafor"), "the link worker is a person: " + event);
        }

        body.put("referrer", Map.of("type", "LINK_WORKER", "odsCode", "Y02345", "organisationName", "x".repeat(201)));
        as("coordinator").body(body).post("/referrals").then().statusCode(400)
                .body("errors.field", hasItem("referrer.organisationName"));
    }

    @Test
    void aCallerCannotBackdateAReferralUnlessTheDemoSettingIsOn() {
        String receivedAt = as("coordinator").header("X-Alongside-Demo-Time", "2020-01-01T09:00:00Z")
                .body(referral("943 476 5919")).post("/referrals")
                .then().statusCode(201).extract().path("receivedAt");
        assertTrue(OffsetDateTime.parse(receivedAt).isAfter(OffsetDateTime.now().minusMinutes(5)),
                "receivedAt " + receivedAt + " must be now, whatever the header says");
    }

    @Test
    void badNhsNumbersAreRejectedNamingTheField() {
        for (String nhs : new String[] {"9434765918", "1234567890", "94347659AB", "943476591"}) {
            as("coordinator").body(referral(nhs)).post("/referrals")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("person.nhsNumber"));
        }
    }

    @Test
    void missingConsentMalformedJsonAndUnknownEnumsAreClearProblems() {
        Map<String, Object> noConsent = new HashMap<>(referral("9434765919"));
        noConsent.put("consent", Map.of("peerSupport", false));
        as("coordinator").body(noConsent).post("/referrals").then().statusCode(400)
                .body("errors.field", hasItem("consent.peerSupport"));

        as("coordinator").body("{\"referrer\": {").post("/referrals").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Unreadable request body"));

        Map<String, Object> badFormat = new HashMap<>(referral("9434765919"));
        badFormat.put("preferences", Map.of("media", java.util.List.of("CARRIER_PIGEON")));
        as("coordinator").body(badFormat).post("/referrals").then().statusCode(400)
                .body("detail", containsString("CARRIER_PIGEON"))
                .body("errors[0].field", equalTo("preferences.media[0]"));

        as("coordinator").body("").post("/referrals").then().statusCode(400);
    }

    @Test
    void aBodyWithMoreAfterItsJsonIsRefusedAndCreatesNothing() throws Exception {
        String nhs = newNhsNumber();
        String body = new ObjectMapper().writeValueAsString(referral(nhs));
        as("coordinator").body(body + " {\"imdDecile\": 9}").post("/referrals").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Unreadable request body"))
                .body("detail", containsString("nothing after it"));
        for (String tail : new String[] {" }", " trailing words"}) {
            as("coordinator").body(body + tail).post("/referrals").then().statusCode(400)
                    .contentType("application/problem+json").body("title", equalTo("Unreadable request body"));
        }
        as("coordinator").queryParam("nhsNumber", nhs).get("/referrals").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefusedNotConverted() throws Exception {
        String nhs = newNhsNumber();
        ObjectMapper json = new ObjectMapper();
        // field, its path in the body, the wrong value, what the problem says
        String[][] cases = {
                {"imdDecile", "/imdDecile", "\"3\"", "imdDecile: must be a whole number"},
                {"imdDecile", "/imdDecile", "3.5", "imdDecile: '3.5' is not a whole number"},
                {"consent.shareWithGp", "/consent/shareWithGp", "1", "consent.shareWithGp: '1' is not true or false"},
                {"person.givenName", "/person/givenName", "7", "person.givenName: '7' is not a string"},
                {"person.birthDate", "/person/birthDate", "19700203", "person.birthDate: must be a date (YYYY-MM-DD)"},
                {"conditions[0].kind", "/conditions/0/kind", "0", "conditions[0].kind: '0' is not one of [PHYSICAL, MENTAL]"}};
        for (String[] wrong : cases) {
            JsonNode body = json.valueToTree(referral(nhs));
            JsonNode parent = body.at(wrong[1].substring(0, wrong[1].lastIndexOf('/')));
            String name = wrong[1].substring(wrong[1].lastIndexOf('/') + 1);
            ((ObjectNode) parent).set(name, json.readTree(wrong[2]));
            as("coordinator").body(body.toString()).post("/referrals").then().statusCode(400)
                    .contentType("application/problem+json").body("title", equalTo("Unreadable request body"))
                    .body("detail", equalTo(wrong[3])).body("errors[0].field", equalTo(wrong[0]));
        }
        as("coordinator").queryParam("nhsNumber", nhs).get("/referrals").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesNothing() {
        String key = UUID.randomUUID().toString();
        String first = as("coordinator").header("Idempotency-Key", key).body(referral("9434765919"))
                .post("/referrals").then().statusCode(201).extract().path("id");
        String second = as("coordinator").header("Idempotency-Key", key).body(referral("9434765919"))
                .post("/referrals").then().statusCode(200).extract().path("id");
        assertEquals(first, second);
    }

    @Test
    void copiesSentAtOnceWithTheSameIdempotencyKeyMakeOneReferral() {
        String key = UUID.randomUUID().toString();
        List<CompletableFuture<Response>> copies = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> as("coordinator").header("Idempotency-Key", key).body(referral("9434765919"))
                        .post("/referrals"))).toList();
        List<Response> answers = copies.stream().map(CompletableFuture::join).toList();
        assertEquals(List.of(200, 200, 200, 201), answers.stream().map(Response::statusCode).sorted().toList(),
                "one copy creates the referral, the others are told of it");
        assertEquals(1, answers.stream().map(answer -> answer.path("id").toString()).distinct().count());
    }

    @Test
    void callersAreAuthenticatedAndScoped() {
        given().contentType(ContentType.JSON).body(referral("9434765919")).post("/referrals")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Tokens.expired("coordinator"))).get("/referrals")
                .then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.wronglySigned("coordinator"))).get("/referrals")
                .then().statusCode(401);
        as("peer-worker").body(referral("9434765919")).post("/referrals")
                .then().statusCode(403).contentType("application/problem+json");

        String id = asReferrer("B82001").body(referral("9434765919")).post("/referrals")
                .then().statusCode(201).extract().path("id");
        asReferrer("B82001").get("/referrals/" + id).then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        asReferrer("Y12345").get("/referrals/" + id).then().statusCode(404);
        asReferrer("Y12345").body(referral("9434765919")).post("/referrals").then().statusCode(403);
    }

    @Inject
    JWTCallerPrincipalFactory tokenVerifier;

    @Test
    void tokensAreVerifiedOnceThenRememberedUntilTheyExpire() {
        // what smallrye-jwt's parser is given: without it every request would check the RSA signature again
        assertInstanceOf(VerifiedTokens.class, tokenVerifier);
        String token = Tokens.bearer(Tokens.as("coordinator"));
        given().header("Authorization", token).get("/referrals").then().statusCode(200);
        given().header("Authorization", token).get("/referrals").then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.expired("coordinator"))).get("/referrals")
                .then().statusCode(401);
    }

    @Test
    void theLifecycleRefusesIllegalMovesAndKeepsHistory() {
        String id = as("coordinator").body(referral("9434765919")).post("/referrals")
                .then().statusCode(201).extract().path("id");
        as("coordinator").post("/referrals/" + id + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        as("coordinator").post("/referrals/" + id + "/accept").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("ACCEPTED"));
        as("coordinator").body(Map.of("reason", "NOT_ELIGIBLE")).post("/referrals/" + id + "/decline")
                .then().statusCode(409);
        as("coordinator").body(Map.of("reason", "PERSON_REQUEST", "note", "moving to Leeds"))
                .post("/referrals/" + id + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        as("coordinator").get("/referrals/" + id + "/history").then().statusCode(200)
                .body("items.toStatus", org.hamcrest.Matchers.contains("RECEIVED", "ACCEPTED", "WITHDRAWN"))
                .body("items[2].reason", equalTo("PERSON_REQUEST: moving to Leeds"))
                .body("total", equalTo(3));
        as("coordinator").get("/referrals/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void oversizeBodiesAreRefused() {
        String huge = "{\"reason\": \"" + "x".repeat(1_100_000) + "\"}";
        as("coordinator").body(huge).post("/referrals").then().statusCode(413)
                .contentType("application/problem+json").body("title", equalTo("Payload too large"));
    }

    @Test
    void whatThePersonBringsIsTakenInTheOneVocabularyAndAcceptanceCarriesItWithoutIdentity() {
        Map<String, Object> body = new HashMap<>(referral("9434765919"));
        Map<String, Object> person = new HashMap<>((Map<String, Object>) body.get("person"));
        person.put("gender", "female");
        person.put("ethnicity", "H");
        person.put("faith", "SIKH");
        body.put("person", person);
        body.put("preferences", Map.of("peerGender", "Female", "settings", List.of("ONE_TO_ONE", "GROUP"),
                "media", List.of("IN_PERSON", "ONLINE_TEXT")));
        body.put("availability", List.of(Map.of("day", "TUESDAY", "part", "EVENING")));
        body.put("experiences", List.of("caring-for-someone", "bereavement"));
        String id = as("coordinator").body(body).post("/referrals").then().log().ifValidationFails().statusCode(201)
                .body("person.gender", equalTo("FEMALE"))
                .body("person.ethnicity", equalTo("H"))
                .body("person.faith", equalTo("SIKH"))
                .body("preferences.peerGender", equalTo("FEMALE"))
                .body("preferences.settings", contains("ONE_TO_ONE", "GROUP"))
                .body("preferences.media", contains("IN_PERSON", "ONLINE_TEXT"))
                .body("availability[0].day", equalTo("TUESDAY"))
                .body("experiences", contains("caring-for-someone", "bereavement"))
                .extract().path("id");

        as("coordinator").post("/referrals/" + id + "/accept").then().statusCode(200);
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.REFERRALS)) {
            JsonNode event = probe.await(EventProbe.ofType("referral.accepted", id), Duration.ofSeconds(20));
            assertTrue(event.path("dataschema").asText().matches(".*/2(\\.json)?"), event.toString());
            JsonNode data = event.path("data");
            assertEquals("H", data.path("ethnicity").asText());
            assertEquals("SIKH", data.path("faith").asText());
            assertEquals("[\"ONE_TO_ONE\",\"GROUP\"]", data.path("preferences").path("settings").toString());
            assertEquals("[\"IN_PERSON\",\"ONLINE_TEXT\"]", data.path("preferences").path("media").toString());
            assertEquals("EVENING", data.path("availability").path(0).path("part").asText());
            assertEquals("bereavement", data.path("experiences").path(1).asText());
            assertFalse(event.toString().contains("Quayle"));
        }
    }

    @Test
    void badCodesForWhatThePersonBringsAreNamed() {
        Map<String, Object> body = new HashMap<>(referral("9434765919"));
        Map<String, Object> person = new HashMap<>((Map<String, Object>) body.get("person"));
        person.put("ethnicity", "I");
        body.put("person", person);
        body.put("experiences", List.of("Caring For Someone"));
        as("coordinator").body(body).post("/referrals").then().statusCode(400)
                .body("errors.field", hasItems("person.ethnicity", "experiences[0]"));

        body.put("experiences", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "tag-" + i).toList());
        person.put("ethnicity", "A");
        as("coordinator").body(body).post("/referrals").then().statusCode(400)
                .body("errors.field", hasItem("experiences"));

        person.put("gender", "woman");
        body.put("person", person);
        body.remove("experiences");
        as("coordinator").body(body).post("/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("person.gender"));
    }
}
