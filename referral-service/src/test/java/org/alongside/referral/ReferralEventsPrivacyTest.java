package org.alongside.referral;

import static org.alongside.referral.ReferralTestSupport.as;
import static org.alongside.referral.ReferralTestSupport.referral;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.alongside.platform.testing.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every event type referral-service publishes is checked for the person's identity: none may carry it. */
@QuarkusTest
class ReferralEventsPrivacyTest {

    private static final List<String> IDENTITY = List.of("Zebedee", "Quixley-Brandt", "4010232137", "401 023 2137",
            "SW1A 1AA", "1961-04-09", "07700 900999", "zebedee@example.org", "only my cat knows",
            "moved to Ullapool", "note for the file");

    private static String create() {
        Map<String, Object> body = new HashMap<>(referral("401 023 2137"));
        body.put("person", Map.of("nhsNumber", "401 023 2137", "givenName", "Zebedee",
                "familyName", "Quixley-Brandt", "birthDate", "1961-04-09", "postcode", "SW1A 1AA",
                "phone", "07700 900999", "email", "zebedee@example.org"));
        body.put("reason", "only my cat knows how hard it is");
        body.put("safeguarding", Map.of("concern", true, "details", "note for the file"));
        return as("coordinator").body(body).post("/referrals").then().statusCode(201).extract().path("id");
    }

    @Test
    void noEventCarriesIdentityWhateverHappensToTheReferral() {
        String declined = create();
        as("coordinator").body(Map.of("reason", "NOT_ELIGIBLE", "note", "note for the file"))
                .post("/referrals/" + declined + "/decline").then().statusCode(200);
        String withdrawn = create();
        as("coordinator").body(Map.of("reason", "PERSON_REQUEST", "note", "moved to Ullapool"))
                .post("/referrals/" + withdrawn + "/withdraw").then().statusCode(200);
        String closed = create();
        as("coordinator").post("/referrals/" + closed + "/accept").then().statusCode(200);
        TestEvents.publish("match.accepted", UUID.fromString(closed), Map.of("referralId", closed,
                "proposalId", UUID.randomUUID(), "peerId", UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(60)).until(() -> "MATCHED".equals(
                as("coordinator").get("/referrals/" + closed).then().extract().path("status")));
        as("coordinator").body(Map.of("reason", "MOVED_AWAY", "note", "moved to Ullapool"))
                .post("/referrals/" + closed + "/close").then().statusCode(200);
        as("coordinator").body(Map.of("note", "note for the file")).post("/referrals/" + closed + "/consent-withdrawal")
                .then().statusCode(200);
        // the test profile keeps an ended referral three seconds: then all three are erased, and say so
        try {
            Thread.sleep(3_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        as("admin").post("/retention/sweeps").then().statusCode(200);

        Set<String> ours = Set.of(declined, withdrawn, closed);
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.REFERRALS)) {
            probe.await(EventProbe.ofType("referral.erased", closed), Duration.ofSeconds(60));
            List<ConsumerRecord<String, JsonNode>> events = probe.all(Duration.ofSeconds(1)).stream()
                    .filter(r -> ours.contains(r.key())).toList();
            Set<String> types = events.stream().map(r -> r.value().path("type").asText()).collect(Collectors.toSet());
            assertEquals(Set.of("referral.received", "referral.accepted", "referral.declined", "referral.withdrawn",
                    "referral.closed", "referral.consent-withdrawn", "referral.erased"), types);
            for (ConsumerRecord<String, JsonNode> event : events) {
                String text = event.value().toString();
                for (String identity : IDENTITY) {
                    assertFalse(text.contains(identity), event.value().path("type").asText() + " leaks '"
                            + identity + "': " + text);
                }
            }
        }
    }
}
