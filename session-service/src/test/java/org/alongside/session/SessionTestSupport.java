package org.alongside.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventSpec;
import org.alongside.platform.testing.Databases;
import org.alongside.platform.testing.TestEvents;
import org.alongside.platform.testing.Tokens;

/** Requests as each role, a valid session body, and events published as the other services would. */
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

    /**
     * A supervisor known by their token's subject, as the identity provider would issue it (the platform's Tokens
     * gives every supervisor the same subject).
     */
    static RequestSpecification asSupervisor(String subject) {
        return asSubject(subject, "supervisor");
    }

    /** Someone in this role known by this token subject (e.g. the duty coordinator). */
    static RequestSpecification asSubject(String subject, String role) {
        String token;
        try {
            token = Jwt.issuer(Tokens.ISSUER).subject(subject).upn(subject + "@alongside.local")
                    .groups(Set.of(role)).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600))
                    .jws().sign(KeyUtils.readPrivateKey("dev-jwt/private.pem"));
        } catch (Exception e) {
            throw new IllegalStateException("Development signing key not on the test classpath", e);
        }
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }

    /** Registers the supervisor (by token subject) with an email alerts can reach. */
    static void registerSupervisor(String subject) {
        as("admin").body(Map.of("displayName", "Supervisor " + subject, "email", subject + "@trust.example",
                "active", true)).put("/supervisors/" + subject).then().statusCode(200);
    }

    /** Registers the supervisor and assigns them to the peer, as a coordinator would; the assignment's answer. */
    static Response assignSupervisor(UUID peerId, String subject) {
        registerSupervisor(subject);
        return as("coordinator").body(Map.of("supervisor", subject)).put("/peers/" + peerId + "/supervisor");
    }

    static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    static RequestSpecification expired(String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.expired(role))).contentType(ContentType.JSON);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** A time as the API writes it: always with its seconds, which {@code toString()} leaves out when they are 0. */
    static String asWritten(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** An attended hour, two hours ago; a mutable map so a test can spoil one field. */
    static Map<String, Object> session(UUID referralId, UUID peerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("referralId", referralId.toString());
        body.put("peerId", peerId.toString());
        body.put("startedAt", now().minusHours(2).toString());
        body.put("durationMinutes", 60);
        body.put("medium", "IN_PERSON");
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

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Publishes the contract's record as its producer would: its type, version (dataschema) and subject. */
    static <T extends EventData> EventEnvelope publishEvent(T data) {
        @SuppressWarnings("unchecked")
        EventSpec<T> spec = (EventSpec<T>) EventSpec.of(data.getClass());
        EventEnvelope event = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), spec.type(),
                "/alongside/test", spec.subject(data), OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.CONTENT_TYPE,
                spec.dataschema("http://localhost"), MAPPER.valueToTree(data));
        TestEvents.send(event);
        return event;
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

    static EventEnvelope publishReferralAccepted(UUID referralId, OffsetDateTime acceptedAt) {
        return TestEvents.publish("referral.accepted", referralId, Map.of(
                "referralId", referralId.toString(),
                "conditions", List.of(Map.of("display", "Type 2 diabetes mellitus", "kind", "PHYSICAL")),
                "preferences", Map.of("formats", List.of("GROUP")),
                "interpreterNeeded", false,
                "ageBand", "55-64",
                "receivedAt", acceptedAt.minusDays(1).toString(),
                "acceptedAt", acceptedAt.toString()));
    }

    static EventEnvelope publishReferralClosed(UUID referralId, OffsetDateTime closedAt) {
        return TestEvents.publish("referral.closed", referralId, Map.of(
                "referralId", referralId.toString(), "reason", "GOALS_MET", "closedAt", closedAt.toString()));
    }

    static EventEnvelope publishReferralWithdrawn(UUID referralId, OffsetDateTime withdrawnAt) {
        return TestEvents.publish("referral.withdrawn", referralId, Map.of(
                "referralId", referralId.toString(), "reason", "PERSON_REQUEST", "fromStatus", "ACTIVE",
                "withdrawnAt", withdrawnAt.toString()));
    }

    static EventEnvelope publishMatchEnded(UUID referralId, UUID peerId, OffsetDateTime endedAt) {
        return TestEvents.publish("match.ended", referralId, Map.of(
                "referralId", referralId.toString(), "peerId", peerId.toString(), "reason", "PEER_LEFT",
                "endedAt", endedAt.toString()));
    }

    /** A matched pair, once the service has learned the match: the peer's first attended session proves it. */
    static String matchedWithSession(UUID referralId, UUID peerId) {
        publishMatch(referralId, peerId, now().minusDays(3));
        return recordOnceMatched(() -> asPeer(peerId), session(referralId, peerId)).path("id");
    }

    /** Waits (up to 60 s) until the request answers with the status: for effects of consumed events. */
    static Response awaitStatus(Supplier<Response> request, int status) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = request.get();
            return last[0].statusCode() == status;
        });
        return last[0];
    }

    /** The service's migrations (the platform's and its own) on the database at {@code url}, up to {@code target}. */
    static void migrate(String url, String target) {
        FluentConfiguration flyway = Flyway.configure().dataSource(url, Databases.USER, "")
                .placeholders(Map.of("events_base_url", "http://localhost:8083"))
                .locations("classpath:db/platform", "classpath:db/migration");
        (target == null ? flyway : flyway.target(target)).load().migrate();
    }
}
