package org.alongside.matching;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.testing.TestEvents;
import org.alongside.platform.testing.Tokens;

/** Requests as each role, peer profile bodies, and referral.accepted events as referral-service sends them. */
public final class MatchingTestSupport {

    public static final Map<String, Object> DIABETES = condition("44054006", "Type 2 diabetes mellitus", "PHYSICAL");
    public static final Map<String, Object> COPD = condition("13645005", "Chronic obstructive lung disease", "PHYSICAL");
    public static final Map<String, Object> DEPRESSION = condition("35489007", "Depressive disorder", "MENTAL");
    public static final Map<String, Object> ANXIETY = condition("197480006", "Anxiety disorder", "MENTAL");

    private MatchingTestSupport() {
    }

    public static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(Tokens.as(role))).contentType(ContentType.JSON);
    }

    public static Map<String, Object> condition(String snomedCode, String display, String kind) {
        return Map.of("snomedCode", snomedCode, "display", display, "kind", kind);
    }

    /** A valid peer profile; change what a test needs with {@link #with}. */
    public static Map<String, Object> peer(String displayName, List<Map<String, Object>> livedExperience,
            List<String> formats, int capacity) {
        Map<String, Object> peer = new HashMap<>();
        peer.put("displayName", displayName);
        peer.put("livedExperience", livedExperience);
        peer.put("experiences", List.of("Carer", "bereavement", "carer"));
        peer.put("gender", "FEMALE");
        peer.put("languages", List.of("en"));
        peer.put("formats", formats);
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

    /** The data of a referral.accepted event; peerGender and language may be null. */
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

    public static UUID acceptReferral(List<Map<String, Object>> conditions, String peerGender, List<String> formats,
            String language) {
        UUID referralId = UUID.randomUUID();
        TestEvents.publish("referral.accepted", referralId, accepted(referralId, conditions, peerGender, formats,
                language));
        return referralId;
    }
}
