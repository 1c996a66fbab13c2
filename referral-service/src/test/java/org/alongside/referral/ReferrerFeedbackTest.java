package org.alongside.referral;

import static io.restassured.RestAssured.given;
import static org.alongside.referral.ReferralTestSupport.as;
import static org.alongside.referral.ReferralTestSupport.asReferrer;
import static org.alongside.referral.ReferralTestSupport.referral;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.alongside.referral.feedback.WebhookDispatcher;
import org.junit.jupiter.api.Test;

/** The referrer hears back: a signed webhook with retries, and the duplicate and worklist views coordinators use. */
@QuarkusTest
class ReferrerFeedbackTest {

    record Received(String signature, String timestamp, String body) {
    }

    @Test
    void aRegisteredReferrerIsToldOfEachDecisionWithSignedRetriedNotifications() throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // the referrer's system is down for the first attempt
            int status = calls.incrementAndGet() == 1 ? 503 : 204;
            if (status == 204) {
                received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookDispatcher.SIGNATURE_HEADER),
                        exchange.getRequestHeaders().getFirst(WebhookDispatcher.TIMESTAMP_HEADER),
                        new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            String secret = asReferrer("W12345").body(Map.of("url", url)).put("/referrer-webhooks/W12345")
                    .then().statusCode(200).extract().path("secret");
            asReferrer("Y99999").get("/referrer-webhooks/W12345").then().statusCode(404);

            Map<String, Object> body = new HashMap<>(referral("9434765919"));
            body.put("referrer", Map.of("type", "GP_PRACTICE", "odsCode", "W12345"));
            String id = asReferrer("W12345").body(body).post("/referrals").then().statusCode(201).extract().path("id");
            as("coordinator").post("/referrals/" + id + "/accept").then().statusCode(200);

            await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
            Received notification = received.get(0);
            assertEquals(WebhookDispatcher.sign(secret, Long.parseLong(notification.timestamp()), notification.body()),
                    notification.signature(), "the signature verifies with the shared secret");
            JsonNode json = new ObjectMapper().readTree(notification.body());
            assertEquals(id, json.path("referralId").asText());
            assertEquals("ACCEPTED", json.path("status").asText());
            assertTrue(json.path("task").asText().endsWith("ServiceRequest/" + id));
            assertTrue(!notification.body().contains("Quayle") && !notification.body().contains("9434765919"),
                    "a notification carries no identity");

            asReferrer("W12345").get("/referrer-webhooks/W12345/deliveries").then().statusCode(200)
                    .body("items[0].status", equalTo("DELIVERED"))
                    .body("items[0].attempts", equalTo(2));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aWebhookIsRegisteredOnlyForWhatIsAnOdsCode() {
        for (String notAnOdsCode : new String[] {"W1", "W12345-extra", "W".repeat(3000)}) {
            as("admin").body(Map.of("url", "https://gp.example.nhs.uk/hook")).put("/referrer-webhooks/" + notAnOdsCode)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("odsCode"))
                    .body("errors[0].message", equalTo("must be an ODS code (3-10 letters and digits)"));
        }
    }

    @Test
    void aSecondOpenReferralForThePersonIsLinkedAsAPossibleDuplicate() {
        String nhs = "4010232137";
        String first = as("coordinator").body(referral(nhs)).post("/referrals").then().statusCode(201)
                .extract().path("id");
        as("coordinator").body(referral(nhs)).post("/referrals").then().statusCode(201)
                .body("possibleDuplicateOf", equalTo(first));
    }

    @Test
    void theWorklistFiltersByConditionOrganisationAndDate() {
        Map<String, Object> body = new HashMap<>(referral("9434765919"));
        body.put("conditions", List.of(Map.of("snomedCode", "24700007", "display", "Multiple sclerosis",
                "kind", "PHYSICAL")));
        String id = as("coordinator").body(body).post("/referrals").then().statusCode(201).extract().path("id");
        List<String> ids = as("coordinator").get("/referrals?condition=24700007&odsCode=B82001&size=200")
                .then().statusCode(200).extract().path("items.id");
        assertTrue(ids.contains(id));
        as("coordinator").get("/referrals?condition=24700007&receivedTo=2000-01-01").then().statusCode(200)
                .body("total", equalTo(0));
        as("coordinator").get("/referrals?receivedFrom=2026-02-01&receivedTo=2026-01-01").then().statusCode(400)
                .body("errors[0].field", equalTo("receivedFrom"));
        as("coordinator").get("/referrals?condition=diabetes").then().statusCode(400)
                .body("errors[0].field", equalTo("condition"));
        as("coordinator").get("/referrals?size=500").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as("coordinator").get("/referrals?status=LOST").then().statusCode(400)
                .contentType("application/problem+json");
        // a referrer sees only their own organisation, whatever they ask for
        List<String> theirs = given().header("Authorization", "Bearer " + org.alongside.platform.testing.Tokens
                .referrer("Y99999")).get("/referrals?odsCode=B82001").then().statusCode(200).extract().path("items.id");
        assertTrue(theirs.isEmpty());
    }
}
