package org.alongside.matching;

import static io.restassured.RestAssured.given;
import static org.alongside.matching.MatchingTestSupport.as;
import static org.alongside.matching.MatchingTestSupport.condition;
import static org.alongside.matching.MatchingTestSupport.createPeer;
import static org.alongside.matching.MatchingTestSupport.peer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The condition taxonomy as versioned data: read by staff, extended by admins without a release. */
@QuarkusTest
class TaxonomyApiTest {

    private static int currentVersion() {
        return as("admin").get("/taxonomy").then().statusCode(200).extract().path("version");
    }

    private static Map<String, Object> code(String group, String kind, String display) {
        return Map.of("group", group, "kind", kind, "display", display);
    }

    @Test
    void theSeedGroupsTheReferenceCodesByLivedExperience() {
        JsonPath taxonomy = as("coordinator").get("/taxonomy").then().statusCode(200).extract().jsonPath();
        assertTrue(taxonomy.getInt("version") >= 1);
        assertEquals(List.of(), taxonomy.getList("groups.id").stream().filter(id -> !((String) id)
                .matches("[a-z0-9]+(-[a-z0-9]+)*")).toList());
        as("supervisor").get("/taxonomy").then().statusCode(200)
                .body("groups.id", hasItems("diabetes", "respiratory", "renal", "cardiac", "cancer", "neurological",
                        "musculoskeletal-and-pain", "hiv", "common-mental-health", "severe-mental-illness",
                        "other-physical", "other-mental"));
        assertEquals("diabetes", taxonomy.getString("codes.find { it.snomedCode == '44054006' }.group"));
        assertEquals("renal", taxonomy.getString("codes.find { it.snomedCode == '709044004' }.group"));
        assertEquals("severe-mental-illness", taxonomy.getString("codes.find { it.snomedCode == '58214004' }.group"));
        assertEquals("MENTAL", taxonomy.getString("codes.find { it.snomedCode == '58214004' }.kind"));
        assertEquals("a respiratory condition", taxonomy.getString("groups.find { it.id == 'respiratory' }.display"));

        as("coordinator").queryParam("version", 1).get("/taxonomy").then().statusCode(200)
                .body("version", equalTo(1)).body("createdBy", equalTo("flyway"))
                .body("codes.size()", equalTo(18)).body("groups.size()", equalTo(12));
    }

    @Test
    void anAdminPutsACodeInAGroupAsANewVersionAndEveryVersionStaysReadable() {
        int before = currentVersion();
        as("admin").body(code("cardiac", "PHYSICAL", "Hypertensive disorder")).put("/taxonomy/codes/38341003")
                .then().statusCode(200)
                .body("version", equalTo(before + 1)).body("changed", equalTo(true))
                .body("code.snomedCode", equalTo("38341003")).body("code.group", equalTo("cardiac"));
        as("coordinator").get("/taxonomy").then().statusCode(200)
                .body("version", equalTo(before + 1))
                .body("change", equalTo("code 38341003 (Hypertensive disorder) in group cardiac"))
                .body("createdBy", notNullValue())
                .body("codes.snomedCode", hasItem("38341003"));
        as("coordinator").queryParam("version", before).get("/taxonomy").then().statusCode(200)
                .body("codes.snomedCode", not(hasItem("38341003")));

        // the same again changes nothing; a new display is a new version
        as("admin").body(code("cardiac", "PHYSICAL", "Hypertensive disorder")).put("/taxonomy/codes/38341003")
                .then().statusCode(200).body("changed", equalTo(false)).body("version", equalTo(before + 1));
        as("admin").body(code("cardiac", "PHYSICAL", "High blood pressure")).put("/taxonomy/codes/38341003")
                .then().statusCode(200).body("changed", equalTo(true)).body("version", equalTo(before + 2));
        as("admin").queryParam("version", before + 1).get("/taxonomy").then()
                .body("codes.find { it.snomedCode == '38341003' }.display", equalTo("Hypertensive disorder"));
    }

    @Test
    void anAdminAddsAGroupAndAPeersUnmappedCodeFindsItsPlace() {
        Map<String, Object> postCovid = condition("1119303003", "Post-COVID-19 syndrome", "PHYSICAL");
        String peerId = createPeer(peer("Noor", List.of(postCovid), List.of("VIDEO"), 2));
        as("coordinator").get("/peers/" + peerId).then()
                .body("unmappedCodes", contains("1119303003"))
                .body("livedExperience[0].group", equalTo("other-physical"));

        as("admin").body(Map.of("kind", "PHYSICAL", "display", "a post-viral condition"))
                .put("/taxonomy/groups/post-viral").then().statusCode(200)
                .body("changed", equalTo(true)).body("group.id", equalTo("post-viral"));
        as("admin").body(code("post-viral", "PHYSICAL", "Post-COVID-19 syndrome")).put("/taxonomy/codes/1119303003")
                .then().statusCode(200).body("code.group", equalTo("post-viral"));

        as("coordinator").get("/peers/" + peerId).then()
                .body("unmappedCodes", equalTo(List.of()))
                .body("livedExperience[0].group", equalTo("post-viral"));
        as("admin").body(Map.of("kind", "PHYSICAL", "display", "a post-viral condition"))
                .put("/taxonomy/groups/post-viral").then().statusCode(200).body("changed", equalTo(false));
        as("admin").body(Map.of("kind", "MENTAL", "display", "a post-viral condition"))
                .put("/taxonomy/groups/post-viral").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("kind"));
    }

    @Test
    void badChangesAreRefusedNamingTheField() {
        int before = currentVersion();
        as("admin").body(code("diabetes", "PHYSICAL", "Typo")).put("/taxonomy/codes/44054007").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("snomedCode"));
        as("admin").body(code("gardening", "PHYSICAL", "Hypothyroidism")).put("/taxonomy/codes/40930008").then()
                .statusCode(400).body("errors.field", contains("group"));
        as("admin").body(code("diabetes", "MENTAL", "Hypothyroidism")).put("/taxonomy/codes/40930008").then()
                .statusCode(400).body("errors.field", contains("kind"));
        as("admin").body(Map.of("group", "diabetes", "kind", "PHYSICAL")).put("/taxonomy/codes/40930008").then()
                .statusCode(400).body("errors.field", hasItem("display"));
        as("admin").put("/taxonomy/codes/40930008").then().statusCode(400);
        as("admin").body(Map.of("kind", "PHYSICAL", "display", "x")).put("/taxonomy/groups/Post_Viral").then()
                .statusCode(400).body("errors.field", contains("groupId"));
        assertEquals(before, currentVersion(), "nothing refused made a version");

        as("coordinator").queryParam("version", 0).get("/taxonomy").then().statusCode(400)
                .contentType("application/problem+json");
        as("coordinator").queryParam("version", 99_999).get("/taxonomy").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void staffReadTheTaxonomyAndOnlyAdminsChangeIt() {
        Map<String, Object> body = code("cardiac", "PHYSICAL", "Hypertensive disorder");
        given().get("/taxonomy").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body).put("/taxonomy/codes/38341003").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.expired("admin"))).get("/taxonomy").then().statusCode(401);
        for (String role : List.of("referrer", "peer-worker", "commissioner")) {
            as(role).get("/taxonomy").then().statusCode(403).contentType("application/problem+json");
        }
        for (String role : List.of("coordinator", "supervisor", "referrer")) {
            as(role).body(body).put("/taxonomy/codes/38341003").then().statusCode(403);
            as(role).body(Map.of("kind", "PHYSICAL", "display", "x")).put("/taxonomy/groups/x").then().statusCode(403);
        }
    }
}
