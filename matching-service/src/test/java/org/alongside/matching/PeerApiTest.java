package org.alongside.matching;

import static io.restassured.RestAssured.given;
import static org.alongside.matching.MatchingTestSupport.ANXIETY;
import static org.alongside.matching.MatchingTestSupport.DIABETES;
import static org.alongside.matching.MatchingTestSupport.as;
import static org.alongside.matching.MatchingTestSupport.WAIT;
import static org.alongside.matching.MatchingTestSupport.asSupervisor;
import static org.alongside.matching.MatchingTestSupport.assignSupervisor;
import static org.alongside.matching.MatchingTestSupport.createPeer;
import static org.alongside.matching.MatchingTestSupport.peer;
import static org.alongside.matching.MatchingTestSupport.publish;
import static org.alongside.matching.MatchingTestSupport.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.matches.MatchEndedV2;
import org.alongside.platform.events.staff.SupervisorAssigned;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.OpenApiConventions;
import org.alongside.platform.testing.ResponseContract;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_matching_test"))
class PeerApiTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static final Map<String, Object> SAM = peer("Sam", List.of(DIABETES, ANXIETY),
            List.of("TELEPHONE", "IN_PERSON"), 4);

    @Test
    void aCoordinatorAddsReadsAndReplacesAPeerProfile() {
        String id = as("coordinator").body(with(SAM, "languages", List.of("en", "PL", "pl")))
                .post("/peers").then().statusCode(201)
                .header("Location", containsString("/peers/"))
                .body("displayName", equalTo("Sam"))
                .body("activeClients", equalTo(0))
                .body("capacity", equalTo(4))
                .body("active", equalTo(true))
                .body("experiences", contains("carer", "bereavement"))
                .body("languages", contains("en", "pl"))
                .body("livedExperience.snomedCode", contains("44054006", "197480006"))
                .extract().path("id");

        as("admin").get("/peers/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("settings", contains("ONE_TO_ONE"))
                .body("media", contains("IN_PERSON", "TELEPHONE"));
        // a supervisor who does not supervise Sam: outside their scope
        as("supervisor").get("/peers/" + id).then().statusCode(404);

        Map<String, Object> changed = with(with(SAM, "capacity", 2), "active", false);
        as("admin").body(changed).put("/peers/" + id).then().statusCode(200)
                .body("capacity", equalTo(2)).body("active", equalTo(false)).body("activeClients", equalTo(0))
                .body("updatedAt", notNullValue());
        as("coordinator").get("/peers/" + id).then().body("capacity", equalTo(2)).body("active", equalTo(false));

        as("coordinator").body(SAM).put("/peers/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as("coordinator").get("/peers/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aFullProfileIsKeptWithItsTaxonomyGroupsAndTheCodesTheTaxonomyDoesNotKnow() {
        Map<String, Object> full = new HashMap<>(SAM);
        full.put("livedExperience", List.of(DIABETES,
                Map.of("snomedCode", "35489007", "display", "Depressive disorder", "kind", "MENTAL", "period", "PAST"),
                Map.of("snomedCode", "40930008", "display", " Hypothyroidism ", "kind", "PHYSICAL"),
                Map.of("display", "Long COVID", "kind", "PHYSICAL")));
        full.put("experiences", List.of("Carer", "LGBTQ+", "recovery from substance use", "carer "));
        full.put("genderIdentity", "non-binary");
        full.put("ageBand", "45-54");
        full.put("culture", "British Pakistani");
        full.put("ethnicity", "J");
        full.put("faith", "MUSLIM");
        full.put("gender", "female");
        full.put("localities", List.of("ls6", "LS7", "LS6"));
        full.put("availability", List.of(Map.of("day", "THURSDAY", "part", "EVENING"),
                Map.of("day", "MONDAY", "part", "MORNING")));
        full.put("training", Map.of("peerSupport", true, "safeguardingLevel", 2, "conditionSpecific", List.of("DESMOND")));
        full.put("boundaries", Map.of("experiences", List.of("Recent bereavement"), "conditionGroups", List.of("cancer")));

        String id = as("coordinator").body(full).post("/peers").then().statusCode(201)
                .body("livedExperience.group", contains("diabetes", "common-mental-health", "other-physical",
                        "other-physical"))
                .body("livedExperience.period", contains("CURRENT", "PAST", "CURRENT", "CURRENT"))
                .body("livedExperience[2].display", equalTo("Hypothyroidism"))
                .body("unmappedCodes", contains("40930008"))
                .body("experiences", contains("carer", "lgbtq+", "recovery from substance use"))
                .body("genderIdentity", equalTo("non-binary"))
                .body("ageBand", equalTo("45-54"))
                .body("culture", equalTo("British Pakistani"))
                .body("ethnicity", equalTo("J"))
                .body("faith", equalTo("MUSLIM"))
                .body("gender", equalTo("FEMALE"))
                .body("localities", contains("LS6", "LS7"))
                .body("availability.day", contains("MONDAY", "THURSDAY"))
                .body("training.peerSupport", equalTo(true))
                .body("training.safeguardingLevel", equalTo(2))
                .body("training.conditionSpecific", contains("DESMOND"))
                .body("supervisor", nullValue())
                .body("boundaries.experiences", contains("recent bereavement"))
                .body("boundaries.conditionGroups", contains("cancer"))
                .body("status", equalTo("ACTIVE"))
                .body("active", equalTo(true))
                .extract().path("id");

        // session-service assigns the supervisor (their token subject); the latest assignment wins
        String supervisor = "sue-" + UUID.randomUUID() + "@trust.nhs.uk";
        OffsetDateTime assigned = OffsetDateTime.now(ZoneOffset.UTC);
        assignSupervisor(id, "bob-" + UUID.randomUUID(), assigned.minusDays(1));
        assignSupervisor(id, supervisor, assigned);
        EventEnvelope older = publish(SupervisorAssigned.class, UUID.fromString(id),
                Map.of("peerId", id, "supervisor", "ann@trust.nhs.uk", "assignedAt", assigned.minusHours(1).toString()));
        await().atMost(WAIT).until(() -> consumed(older.id()));
        as("coordinator").get("/peers/" + id).then().body("supervisor", equalTo(supervisor));
        as("coordinator").body(with(SAM, "capacity", 3)).put("/peers/" + id).then().statusCode(200)
                .body("supervisor", equalTo(supervisor));

        as("coordinator").queryParam("supervisor", supervisor).get("/peers").then().statusCode(200)
                .body("items.id", contains(id)).body("total", equalTo(1));
        // the supervisor (their token's subject) sees the peer they supervise, and no one else's
        asSupervisor(supervisor).get("/peers").then().statusCode(200)
                .body("items.id", contains(id)).body("total", equalTo(1));
        asSupervisor(supervisor).get("/peers/" + id).then().statusCode(200);
        asSupervisor("ann@trust.nhs.uk").get("/peers/" + id).then().statusCode(404);
        asSupervisor("ann@trust.nhs.uk").queryParam("supervisor", supervisor).get("/peers").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void aPatchChangesOnlyWhatItNamesAndIsCheckedAsAReplacementIs() {
        String id = as("coordinator").body(with(with(SAM, "culture", "Polish"), "localities", List.of("LS6")))
                .post("/peers").then().statusCode(201).extract().path("id");
        String base = "http://localhost:" + RestAssured.port;
        // what a client sends: only what changes, null to remove an optional field; each a patch the document allows
        for (String patch : List.of("{\"status\": \"ON_LEAVE\"}", "{\"capacity\": 2, \"culture\": null}")) {
            assertEquals(List.of(), ResponseContract.checkRequest(base, "PATCH", "/peers/" + id, MERGE_PATCH, patch),
                    patch);
        }
        patch().body("{\"status\": \"ON_LEAVE\"}").patch("/peers/" + id).then().statusCode(200)
                .body("status", equalTo("ON_LEAVE")).body("active", equalTo(false))
                .body("peopleToTransfer", hasSize(0))
                .body("displayName", equalTo("Sam")).body("capacity", equalTo(4)).body("culture", equalTo("Polish"))
                .body("localities", contains("LS6")).body("media", contains("IN_PERSON", "TELEPHONE"))
                .body("livedExperience.snomedCode", contains("44054006", "197480006"));
        patch().body("{\"capacity\": 2, \"culture\": null}").patch("/peers/" + id).then().statusCode(200)
                .body("capacity", equalTo(2)).body("culture", nullValue()).body("status", equalTo("ON_LEAVE"));
        // active alone, the first shape of the API, decides the status as in a replacement
        patch().body("{\"active\": true}").patch("/peers/" + id).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));

        // a patch that would make the profile invalid, or names what a profile does not have: 400, nothing written
        patch().body("{\"media\": [], \"capacity\": 3}").patch("/peers/" + id).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("media"));
        patch().body("{\"displayName\": null}").patch("/peers/" + id).then().statusCode(400)
                .body("errors.field", contains("displayName"));
        patch().body("{\"status\": \"RETIRED\"}").patch("/peers/" + id).then().statusCode(400)
                .body("errors.field", contains("status"));
        patch().body("{\"favouriteColour\": \"blue\"}").patch("/peers/" + id).then().statusCode(400)
                .body("errors.field", contains("favouriteColour"));
        as("coordinator").get("/peers/" + id).then().body("capacity", equalTo(2)).body("status", equalTo("ACTIVE"))
                .body("media", contains("IN_PERSON", "TELEPHONE"));

        // a merge patch only, by those who manage peers, of a peer that exists
        as("coordinator").body(Map.of("status", "LEFT")).patch("/peers/" + id).then().statusCode(415);
        as("supervisor").contentType(MERGE_PATCH).body("{\"status\": \"LEFT\"}").patch("/peers/" + id).then()
                .statusCode(403);
        patch().body("{\"status\": \"LEFT\"}").patch("/peers/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as("coordinator").get("/peers/" + id).then().body("status", equalTo("ACTIVE"));
    }

    private static RequestSpecification patch() {
        return as("coordinator").contentType(MERGE_PATCH);
    }

    private boolean consumed(String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM inbox WHERE event_id = ?")) {
            query.setString(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Test
    void statusIsTheRecordAndActiveTheFirstShapeOfIt() {
        Map<String, Object> onLeave = with(with(SAM, "active", null), "status", "ON_LEAVE");
        String away = as("coordinator").body(onLeave).post("/peers").then().statusCode(201)
                .body("status", equalTo("ON_LEAVE")).body("active", equalTo(false)).extract().path("id");
        as("coordinator").body(with(SAM, "active", false)).post("/peers").then().statusCode(201)
                .body("status", equalTo("ON_LEAVE"));
        String left = as("coordinator").body(with(with(SAM, "active", null), "status", "LEFT")).post("/peers")
                .then().statusCode(201).body("status", equalTo("LEFT")).body("active", equalTo(false))
                .extract().path("id");
        // active: false alone keeps a peer who left as LEFT; true brings them back
        as("coordinator").body(with(SAM, "active", false)).put("/peers/" + left).then().statusCode(200)
                .body("status", equalTo("LEFT"));
        as("coordinator").body(with(SAM, "active", true)).put("/peers/" + left).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));

        List<String> statuses = as("coordinator").queryParam("status", "ON_LEAVE").queryParam("size", 200)
                .get("/peers").then().statusCode(200).body("items.id", hasItem(away))
                .extract().path("items.status");
        assertTrue(statuses.stream().allMatch("ON_LEAVE"::equals));
        as("coordinator").queryParam("status", "RETIRED").get("/peers").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("status"));
        as("coordinator").queryParam("supervisorId", UUID.randomUUID()).get("/peers").then().statusCode(400)
                .body("errors.field", contains("supervisorId"));
    }

    @Test
    void peersAreListedByNameAPageAtATime() {
        String prefix = "Zz" + UUID.randomUUID().toString().substring(0, 6);
        for (String name : List.of("C", "A", "B")) {
            createPeer(with(SAM, "displayName", prefix + name));
        }
        List<String> names = as("coordinator").queryParam("size", 200).get("/peers").then().statusCode(200)
                .extract().path("items.displayName");
        assertEquals(List.of(prefix + "A", prefix + "B", prefix + "C"),
                names.stream().filter(n -> n.startsWith(prefix)).toList());

        List<String> first = as("admin").queryParam("size", 2).get("/peers").then().statusCode(200)
                .body("items", hasSize(2)).body("size", equalTo(2)).body("page", equalTo(0))
                .body("total", greaterThanOrEqualTo(3))
                .extract().path("items.id");
        List<String> second = as("admin").queryParam("size", 2).queryParam("page", 1).get("/peers")
                .then().statusCode(200).extract().path("items.id");
        assertTrue(second.stream().noneMatch(first::contains));
        as("coordinator").queryParam("page", 10_000).get("/peers").then().statusCode(200).body("items", hasSize(0));
        // the largest int: its first item would lie past what a query can skip
        as("coordinator").queryParam("page", Integer.MAX_VALUE).get("/peers").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("between 0 and 1000000"));

        String inactive = createPeer(with(SAM, "active", false));
        List<Boolean> flags = as("coordinator").queryParam("active", false).queryParam("size", 200).get("/peers")
                .then().statusCode(200).body("items.id", hasItem(inactive)).extract().path("items.active");
        assertTrue(flags.stream().noneMatch(Boolean::booleanValue));
        as("coordinator").queryParam("size", 0).get("/peers").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void invalidProfilesAreRefusedNamingTheField() {
        expectInvalid(with(SAM, "settings", List.of()), "settings");
        expectInvalid(with(SAM, "media", null), "media");
        expectInvalid(with(SAM, "ethnicity", "X"), "ethnicity");
        expectInvalid(with(SAM, "livedExperience", List.of()), "livedExperience");
        expectInvalid(with(SAM, "capacity", 51), "capacity");
        expectInvalid(with(SAM, "capacity", -1), "capacity");
        expectInvalid(with(SAM, "displayName", " "), "displayName");
        expectInvalid(with(SAM, "active", null), "status");
        expectInvalid(with(SAM, "languages", List.of("English!")), "languages[0]");
        expectInvalid(with(SAM, "livedExperience", List.of(Map.of("snomedCode", "diabetes", "display", "Diabetes",
                "kind", "PHYSICAL"))), "livedExperience[0].snomedCode");
        expectInvalid(with(SAM, "livedExperience", List.of(Map.of("display", "Diabetes"))), "livedExperience[0].kind");

        expectInvalid(with(SAM, "livedExperience", List.of(Map.of("snomedCode", "44054007", "display", "Typo",
                "kind", "PHYSICAL"))), "livedExperience[0].snomedCode");
        expectInvalid(with(SAM, "ageBand", "40-49"), "ageBand");
        expectInvalid(with(SAM, "localities", List.of("Leeds 6")), "localities[0]");
        expectInvalid(with(SAM, "availability", List.of(Map.of("day", "MONDAY"))), "availability[0].part");
        expectInvalid(with(SAM, "training", Map.of("safeguardingLevel", 4)), "training.safeguardingLevel");
        expectInvalid(with(SAM, "boundaries", Map.of("conditionGroups", List.of("gardening"))),
                "boundaries.conditionGroups[0]");
        expectInvalid(with(SAM, "boundaries", Map.of("conditionGroups", List.of("Not A Group"))),
                "boundaries.conditionGroups[0]");
        expectInvalid(with(with(SAM, "status", "ACTIVE"), "active", false), "active");
        expectInvalid(with(SAM, "livedExperience", List.of(Map.of("display", "Diabetes", "kind", "PHYSICAL",
                "period", "SOMETIMES"))), "livedExperience[0].period");

        as("coordinator").body(with(SAM, "media", List.of("CARRIER_PIGEON"))).post("/peers")
                .then().statusCode(400).body("detail", containsString("CARRIER_PIGEON"))
                .body("errors[0].field", equalTo("media[0]"));
        as("coordinator").body(with(SAM, "faith", "Catholic")).post("/peers")
                .then().statusCode(400).body("errors[0].field", equalTo("faith"));
        as("coordinator").body(with(SAM, "gender", "f")).post("/peers")
                .then().statusCode(400).body("errors[0].field", equalTo("gender"));
        as("coordinator").body("{\"displayName\": ").post("/peers").then().statusCode(400)
                .contentType("application/problem+json");
        as("coordinator").body("").post("/peers").then().statusCode(400);

        String id = createPeer(SAM);
        as("coordinator").body(with(SAM, "media", List.of())).put("/peers/" + id).then().statusCode(400)
                .body("errors.field", hasItem("media"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theContractIsPublishedWithEveryErrorAnswerAndTheServiceReportsReady() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/peers", "/peers/{id}",
                        "/referrals/{referralId}/proposals", "/proposals/{id}/accept", "/proposals/{id}/decline",
                        "/referrals/{referralId}/do-not-match", "/waiting", "/taxonomy",
                        "/taxonomy/codes/{snomedCode}", "/taxonomy/groups/{groupId}"))
                .body("components.schemas.keySet()", hasItems("Peer", "PeerInput", "Condition", "LivedExperience",
                        "ReferralProposals", "Proposal", "Reason", "Problem", "Taxonomy", "WaitingList",
                        "DoNotMatch", "MatchRecord", "TransferInput"))
                .extract().jsonPath();
        // what journey-tests' OpenApiContractTest asks of every operation, and a generated client needs
        List<String> defects = new ArrayList<>(OpenApiConventions.defects(doc));
        List<Object> operationIds = new ArrayList<>();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String name = method.toUpperCase() + " " + path;
            // /audit is the platform's, which names its own operations
            if (!path.equals("/audit")
                    && (operation.get("operationId") == null || operationIds.contains(operation.get("operationId")))) {
                defects.add(name + " has no operationId of its own");
            }
            operationIds.add(operation.get("operationId"));
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            // the event contracts (/events/*) are public, as /q/openapi is
            if (!path.startsWith("/events/") && (operation.get("security") == null || !responses.containsKey("401")
                    || !responses.containsKey("403"))) {
                defects.add(name + " is not documented as secured with 401 and 403");
            }
            responses.forEach((code, response) -> {
                if (code.startsWith("2") && ((Map<String, Object>) response).get("content") == null) {
                    defects.add(name + " " + code + " has no schema");
                }
            });
            if (operation.containsKey("requestBody") && !responses.containsKey("400")) {
                defects.add(name + " takes a body but documents no 400");
            }
        }));
        assertEquals(List.of(), defects);
        // the platform's enum, named in this service's configuration: the values must be the event's
        assertEquals(Arrays.stream(MatchEndedV2.Reason.values()).map(Enum::name).toList(),
                doc.getList("components.schemas.MatchEndReason.enum"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static void expectInvalid(Map<String, Object> body, String field) {
        as("coordinator").body(body).post("/peers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void callersAreAuthenticatedAndPeerWorkersSeeOnlyTheirOwnProfile() {
        String id = createPeer(SAM);
        String other = createPeer(with(SAM, "displayName", "Robin"));

        given().get("/peers/" + id).then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(SAM).post("/peers").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.expired("coordinator"))).get("/peers")
                .then().statusCode(401);

        as("peer-worker").body(SAM).post("/peers").then().statusCode(403).contentType("application/problem+json");
        as("supervisor").body(SAM).post("/peers").then().statusCode(403);
        as("supervisor").body(SAM).put("/peers/" + id).then().statusCode(403);
        as("referrer").get("/peers").then().statusCode(403);
        as("peer-worker").get("/peers").then().statusCode(403);
        as("commissioner").get("/peers/" + id).then().statusCode(403);

        given().header("Authorization", Tokens.bearer(Tokens.peerWorker(UUID.fromString(id))))
                .get("/peers/" + id).then().statusCode(200).body("displayName", equalTo("Sam"));
        given().header("Authorization", Tokens.bearer(Tokens.peerWorker(UUID.fromString(id))))
                .get("/peers/" + other).then().statusCode(404).contentType("application/problem+json");
        as("peer-worker").get("/peers/" + id).then().statusCode(404); // a token without peerId sees no profile
    }
}
