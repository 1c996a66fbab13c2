package org.alongside.matching;

import static io.restassured.RestAssured.given;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventData;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventSpec;
import org.alongside.platform.events.staff.SupervisorAssigned;
import org.alongside.platform.testing.TestEvents;
import org.alongside.platform.testing.Tokens;

/** Requests as each role, peer profile bodies, and referral.accepted events as referral-service sends them. */
public final class MatchingTestSupport {

    public static final Map<String, Object> DIABETES = condition("44054006", "Type 2 diabetes mellitus", "PHYSICAL");
    public static final Map<String, Object> COPD = condition("13645005", "Chronic obstructive lung disease", "PHYSICAL");
    public static final Map<String, Object> DEPRESSION = condition("35489007", "Depressive disorder", "MENTAL");
    public static final Map<String, Object> ANXIETY = condition("197480006", "Anxiety disorder", "MENTAL");
    public static final Map<String, Object> TYPE_1_DIABETES = condition("46635009", "Type 1 diabetes mellitus", "PHYSICAL");
    public static final Map<String, Object> CANCER = condition("363346000", "Malignant neoplastic disease", "PHYSICAL");
    public static final Map<String, Object> PSYCHOSIS = condition("69322001", "Psychotic disorder", "MENTAL");
    public static final Map<String, Object> MS = condition("24700007", "Multiple sclerosis", "PHYSICAL");

    public static final Duration WAIT = Duration.ofSeconds(60);

    private MatchingTestSupport() {
    }

    public static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.as(role))).contentType(ContentType.JSON);
    }

    /** A supervisor whose token's subject is {@code subject}: a peer's supervisor names them. */
    public static RequestSpecification asSupervisor(String subject) {
        return given().header("Authorization", Tokens.bearer(Tokens.supervisor(subject)))
                .contentType(ContentType.JSON);
    }

    /** session-service assigns the peer's supervisor; returns once matching shows it on the profile. */
    public static EventEnvelope assignSupervisor(String peerId, String supervisor, OffsetDateTime at) {
        Map<String, Object> data = new HashMap<>();
        data.put("peerId", peerId);
        data.put("supervisor", supervisor);
        data.put("assignedAt", at.toString());
        EventEnvelope event = publish(SupervisorAssigned.class, UUID.fromString(peerId), data);
        await().atMost(WAIT).until(() -> supervisor.equals(as("coordinator").get("/peers/" + peerId)
                .then().statusCode(200).extract().path("supervisor")));
        return event;
    }

    public static Map<String, Object> condition(String snomedCode, String display, String kind) {
        return Map.of("snomedCode", snomedCode, "display", display, "kind", kind);
    }

    /** A valid peer profile offering one-to-one support through {@code media}; change what a test needs with {@link #with}. */
    public static Map<String, Object> peer(String displayName, List<Map<String, Object>> livedExperience,
            List<String> media, int capacity) {
        Map<String, Object> peer = new HashMap<>();
        peer.put("displayName", displayName);
        peer.put("livedExperience", livedExperience);
        peer.put("experiences", List.of("Carer", "bereavement", "carer"));
        peer.put("gender", "FEMALE");
        peer.put("languages", List.of("en"));
        peer.put("settings", List.of("ONE_TO_ONE"));
        peer.put("media", media);
        peer.put("capacity", capacity);
        peer.put("active", true);
        return peer;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    public static String createPeer(Map<String, Object> body) {
        return as("coordinator").body(body).post("/peers").then().statusCode(201).extract().path("id");
    }

    /** The data of a referral.accepted event of the first version (formats); peerGender and language may be null. */
    public static Map<String, Object> accepted(UUID referralId, List<Map<String, Object>> conditions,
            String peerGender, List<String> formats, String language) {
        Map<String, Object> preferences = new HashMap<>();
        preferences.put("peerGender", peerGender);
        preferences.put("formats", new ArrayList<>(formats));
        preferences.put("sharedCondition", true);
        Map<String, Object> data = new HashMap<>();
        data.put("referralId", referralId.toString());
        data.put("conditions", conditions);
        data.put("preferences", preferences);
        data.put("language", language);
        data.put("interpreterNeeded", false);
        data.put("ageBand", "55-64");
        data.put("gender", "FEMALE");
        data.put("locality", "LS6");
        data.put("imdDecile", 2);
        data.put("receivedAt", "2026-01-05T09:30:00Z");
        data.put("acceptedAt", "2026-01-06T11:00:00Z");
        return data;
    }

    /**
     * The data of a referral.accepted version 2 event: settings and media, and what else the person brings
     * (ethnicity, faith, availability, experiences) added by the test; peerGender may be null.
     */
    public static Map<String, Object> acceptedV2(UUID referralId, List<Map<String, Object>> conditions,
            String peerGender, List<String> settings, List<String> media) {
        Map<String, Object> preferences = new HashMap<>();
        preferences.put("peerGender", peerGender);
        preferences.put("settings", settings);
        preferences.put("media", media);
        preferences.put("sharedCondition", true);
        Map<String, Object> data = new HashMap<>();
        data.put("referralId", referralId.toString());
        data.put("conditions", conditions);
        data.put("preferences", preferences);
        data.put("language", "en");
        data.put("interpreterNeeded", false);
        data.put("ageBand", "55-64");
        data.put("gender", "FEMALE");
        data.put("locality", "LS6");
        data.put("availability", List.of());
        data.put("experiences", List.of());
        data.put("receivedAt", "2026-01-05T09:30:00Z");
        data.put("acceptedAt", "2026-01-06T11:00:00Z");
        return data;
    }

    /** Publishes an event of the version {@code dataType} is: the version ends dataschema, as producers write it. */
    public static EventEnvelope publish(Class<? extends EventData> dataType, UUID subject, Map<String, Object> data) {
        EventSpec<?> spec = EventSpec.of(dataType);
        EventEnvelope event = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), spec.type(),
                "/alongside/test", subject.toString(), OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.CONTENT_TYPE,
                spec.dataschema("http://localhost"), new ObjectMapper().valueToTree(data));
        TestEvents.send(event);
        return event;
    }

    /**
     * Each test matches its own peers and referrals only: everyone else's peers go on leave (through the column
     * that predates status, as an older writer would) and their waiting referrals stop waiting.
     */
    public static void isolate(AgroalDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE peer SET active = false WHERE active");
            statement.executeUpdate("""
                    UPDATE referral SET status = 'WITHDRAWN', waiting_reason = NULL, waiting_since = NULL
                    WHERE status = 'WAITING'""");
        }
    }

    /** The referral's matching once matching-service has heard of it. */
    public static JsonPath proposalsOnceKnown(UUID referralId) {
        await().atMost(WAIT).until(() -> as("coordinator").get("/referrals/" + referralId + "/proposals")
                .statusCode() == 200);
        return proposals(referralId);
    }

    public static JsonPath proposals(UUID referralId) {
        return as("coordinator").get("/referrals/" + referralId + "/proposals").then().statusCode(200)
                .extract().jsonPath();
    }

    public static UUID publishAccepted(Map<String, Object> data) {
        UUID referralId = UUID.fromString((String) data.get("referralId"));
        TestEvents.publish("referral.accepted", referralId, data);
        return referralId;
    }

    public static UUID acceptReferral(List<Map<String, Object>> conditions, String peerGender, List<String> formats,
            String language) {
        UUID referralId = UUID.randomUUID();
        TestEvents.publish("referral.accepted", referralId, accepted(referralId, conditions, peerGender, formats,
                language));
        return referralId;
    }
}
