package org.alongside.outcomes.measures;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.testing.TestEvents;
import org.alongside.platform.testing.Tokens;

/** Referrals and matches as the other services announce them, and measurements as link-worker tools send them. */
final class MeasuresTestSupport {

    static final String DATABASE = "alongside_outcomes_dash_test";
    static final Duration PATIENCE = Duration.ofSeconds(60);
    // The module's tests share one read model: these referrals and measures sit in a year no dashboard test reports.
    static final OffsetDateTime RECEIVED_AT = OffsetDateTime.parse("2018-02-14T10:00:00Z");
    static final String COMPLETED_AT = "2018-05-01T10:00:00Z";

    private MeasuresTestSupport() {
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.as(role)));
    }

    static RequestSpecification asPeer(UUID peerId) {
        return given().header("Authorization", Tokens.bearer(Tokens.peerWorker(peerId)));
    }

    /** A referral outcomes-service has heard of (referral.received applied). */
    static UUID knownReferral() {
        UUID referralId = UUID.randomUUID();
        Map<String, Object> data = new HashMap<>();
        data.put("referralId", referralId);
        data.put("referrerType", "GP_PRACTICE");
        data.put("referrerOdsCode", "B82001");
        data.put("conditions", List.of(Map.of("snomedCode", "44054006", "display", "Type 2 diabetes mellitus",
                "kind", "PHYSICAL")));
        data.put("ageBand", "55-64");
        data.put("gender", "FEMALE");
        data.put("imdDecile", 3);
        data.put("receivedAt", RECEIVED_AT);
        TestEvents.publish(EventTypes.REFERRAL_RECEIVED, referralId, data);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() ->
                as("coordinator").get("/referrals/{id}/outcomes", referralId).statusCode() == 200);
        return referralId;
    }

    /** Publishes match.accepted for the peer; returns the envelope for redelivery. */
    static EventEnvelope matchAccepted(UUID referralId, UUID peerId, OffsetDateTime acceptedAt) {
        return TestEvents.publish(EventTypes.MATCH_ACCEPTED, referralId, Map.of("referralId", referralId,
                "proposalId", UUID.randomUUID(), "peerId", peerId, "score", 80, "acceptedAt", acceptedAt));
    }

    /** Waits until the peer may read the referral's outcomes. */
    static void awaitPeerScope(UUID referralId, UUID peerId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() ->
                asPeer(peerId).get("/referrals/{id}/outcomes", referralId).statusCode() == 200);
    }

    static Map<String, Object> measurement(UUID referralId, String instrument, String timepoint, Integer... answers) {
        Map<String, Object> body = new HashMap<>();
        body.put("referralId", referralId);
        body.put("instrument", instrument);
        body.put("timepoint", timepoint);
        body.put("completedAt", COMPLETED_AT);
        body.put("answers", Arrays.asList(answers));
        return body;
    }

    static Map<String, Object> entered(UUID referralId, String instrument, String timepoint, Object score) {
        Map<String, Object> body = measurement(referralId, instrument, timepoint);
        body.remove("answers");
        body.put("score", score);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    static ValidatableResponse post(RequestSpecification caller, Map<String, Object> body) {
        return caller.contentType(ContentType.JSON).body(body).post("/measurements").then();
    }

    static String record(Map<String, Object> body) {
        return post(as("coordinator"), body).statusCode(201).extract().path("id");
    }
}
