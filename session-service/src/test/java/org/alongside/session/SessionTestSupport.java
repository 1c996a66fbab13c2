package org.alongside.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.testing.TestEvents;
import org.alongside.platform.testing.Tokens;

/** Requests as each role, a valid session body, and matches published as matching-service would. */
final class SessionTestSupport {

    static final String NOTES = "Talked about the walking group; worried about the hospital letter";

    private SessionTestSupport() {
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.as(role))).contentType(ContentType.JSON);
    }

    static RequestSpecification asPeer(UUID peerId) {
        return given().header("Authorization", Tokens.bearer(Tokens.peerWorker(peerId))).contentType(ContentType.JSON);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** An attended hour, two hours ago; a mutable map so a test can spoil one field. */
    static Map<String, Object> session(UUID referralId, UUID peerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("referralId", referralId.toString());
        body.put("peerId", peerId.toString());
        body.put("startedAt", now().minusHours(2).toString());
        body.put("durationMinutes", 60);
        body.put("format", "IN_PERSON");
        body.put("attendance", "ATTENDED");
        body.put("focus", List.of("DAILY_MANAGEMENT", "COMMUNITY_CONNECTION"));
        body.put("notes", NOTES);
        body.put("sharedLivedExperience", true);
        return body;
    }

    static Map<String, Object> session(UUID referralId, UUID peerId, OffsetDateTime startedAt) {
        Map<String, Object> body = session(referralId, peerId);
        body.put("startedAt", startedAt.toString());
        return body;
    }

    static EventEnvelope publishMatch(UUID referralId, UUID peerId, OffsetDateTime acceptedAt) {
        return TestEvents.publish("match.accepted", referralId, Map.of(
                "referralId", referralId.toString(),
                "proposalId", UUID.randomUUID().toString(),
                "peerId", peerId.toString(),
                "score", 87,
                "acceptedAt", acceptedAt.toString()));
    }

    /**
     * Posts the session until the service has consumed the match that allows it (404/409 until then, which
     * write nothing), and returns the 201 response.
     */
    static Response recordOnceMatched(Supplier<RequestSpecification> caller, Map<String, Object> body) {
        Response[] created = new Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Response response = caller.get().body(body).post("/sessions");
            created[0] = response;
            return response.statusCode() == 201;
        });
        return created[0];
    }
}
