package org.alongside.matching;

import static io.restassured.RestAssured.given;
import static org.alongside.matching.MatchingTestSupport.ANXIETY;
import static org.alongside.matching.MatchingTestSupport.COPD;
import static org.alongside.matching.MatchingTestSupport.DEPRESSION;
import static org.alongside.matching.MatchingTestSupport.DIABETES;
import static org.alongside.matching.MatchingTestSupport.WAIT;
import static org.alongside.matching.MatchingTestSupport.acceptReferral;
import static org.alongside.matching.MatchingTestSupport.accepted;
import static org.alongside.matching.MatchingTestSupport.as;
import static org.alongside.matching.MatchingTestSupport.createPeer;
import static org.alongside.matching.MatchingTestSupport.isolate;
import static org.alongside.matching.MatchingTestSupport.peer;
import static org.alongside.matching.MatchingTestSupport.proposalsOnceKnown;
import static org.alongside.matching.MatchingTestSupport.with;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.Topics;
import org.alongside.platform.inbox.DeadLetters;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.alongside.platform.testing.TestEvents;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** From referral.accepted to a coordinator's decision: shortlists, events, capacity and the race for a last place. */
@QuarkusTest
class MatchingFlowTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void onlyThisTestsPeersAndReferrals() throws SQLException {
        isolate(dataSource);
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

    private static long eventsOfType(EventProbe probe, String type, UUID referralId) {
        return probe.all(Duration.ofSeconds(2)).stream().filter(EventProbe.ofType(type, referralId)).count();
    }

    @Test
    void anAcceptedReferralGetsARankedExplainedShortlistAnnouncedOnce() throws Exception {
        String ana = createPeer(peer("Ana", List.of(DIABETES, ANXIETY), List.of("IN_PERSON", "TELEPHONE"), 3));
        String bea = createPeer(peer("Bea", List.of(COPD, DEPRESSION), List.of("TELEPHONE"), 3));
        String cat = createPeer(with(with(peer("Cat", List.of(DIABETES), List.of("IN_PERSON"), 3),
                "languages", List.of("pl")), "settings", List.of("ONE_TO_ONE", "GROUP")));
        String gus = createPeer(with(peer("Gus", List.of(ANXIETY), List.of("TELEPHONE"), 3), "languages", List.of()));
        String videoOnly = createPeer(peer("Dee", List.of(DIABETES, DEPRESSION), List.of("VIDEO"), 3));
        String inactive = createPeer(with(peer("Eve", List.of(DIABETES, DEPRESSION), List.of("TELEPHONE"), 3),
                "active", false));
        String full = createPeer(peer("Fay", List.of(DIABETES, DEPRESSION), List.of("TELEPHONE"), 0));

        UUID referralId = UUID.randomUUID();
        EventEnvelope event = TestEvents.publish("referral.accepted", referralId, accepted(referralId,
                List.of(DIABETES, DEPRESSION), null, List.of("ONE_TO_ONE", "TELEPHONE"), "en"));

        JsonPath shortlist = proposalsOnceKnown(referralId);
        assertEquals("PROPOSED", shortlist.getString("status"));
        assertEquals(null, shortlist.getString("waitingReason"));
        assertEquals(List.of(ana, bea, cat), shortlist.getList("proposals.peerId"));
        assertEquals(List.of(1, 2, 3), shortlist.getList("proposals.rank"));
        // formats ONE_TO_ONE and TELEPHONE (version 1) are the setting one-to-one and the media in person and telephone
        // Ana: diabetes 40, depression or anxiety 20, physical and mental 10, the wish for a shared condition 10,
        //      English 10, one-to-one, in person and telephone 15, cut back to 100
        // Bea: depression 40, physical kind 10, physical and mental 10, wish 10, English 10, one-to-one and telephone 10
        // Cat: diabetes 40, wish 10, one-to-one and in person 10 (Gus, anxiety 20 and 10, is fourth and not proposed)
        assertEquals(List.of(100, 90, 60), shortlist.getList("proposals.score"));
        assertEquals(List.of("PROPOSED", "PROPOSED", "PROPOSED"), shortlist.getList("proposals.status"));
        assertEquals("Ana", shortlist.getString("proposals[0].peerDisplayName"));
        assertEquals(List.of("both live with Type 2 diabetes mellitus",
                        "both have lived with depression or anxiety",
                        "both live with a long-term physical condition and a mental health problem",
                        "the person asked for a peer who shares their condition",
                        "speaks the person's language (en)",
                        "offers one-to-one, in person and telephone support, as preferred",
                        "scores stop at 100"),
                shortlist.getList("proposals[0].reasons.detail"));
        assertEquals(List.of("SHARED_CONDITION", "SHARED_GROUP", "PHYSICAL_AND_MENTAL", "SHARED_CONDITION_WISH",
                        "LANGUAGE", "SUPPORT", "CAP"), shortlist.getList("proposals[0].reasons.factor"));
        assertEquals(List.of(40, 20, 10, 10, 10, 15, -5), shortlist.getList("proposals[0].reasons.points"));
        assertTrue(shortlist.getInt("proposals[0].taxonomyVersion") >= 1, "scored with a taxonomy version");
        for (String excluded : List.of(gus, videoOnly, inactive, full)) {
            assertFalse(shortlist.getList("proposals.peerId").contains(excluded), excluded + " was proposed");
        }

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.MATCHES)) {
            JsonNode proposed = probe.await(EventProbe.ofType("match.proposed", referralId), WAIT);
            assertEquals("/alongside/matching-service", proposed.path("source").asText());
            JsonNode items = proposed.path("data").path("proposals");
            assertEquals(shortlist.getList("proposals.id"),
                    StreamSupport.stream(items.spliterator(), false).map(i -> i.path("proposalId").asText()).toList());
            assertEquals(List.of(ana, bea, cat),
                    StreamSupport.stream(items.spliterator(), false).map(i -> i.path("peerId").asText()).toList());
            assertEquals(100, items.path(0).path("score").asInt());
            assertEquals(1, items.path(0).path("rank").asInt());
            assertEquals(referralId.toString(), proposed.path("data").path("referralId").asText());

            // The same envelope again, then the referral accepted again under a new event id: no second shortlist.
            TestEvents.send(event);
            EventEnvelope again = TestEvents.publish("referral.accepted", referralId, accepted(referralId,
                    List.of(DIABETES), null, List.of("GROUP"), "pl"));
            await().atMost(WAIT).until(() -> consumed(again.id()));
            assertEquals(shortlist.getList("proposals.id"),
                    proposalsOnceKnown(referralId).getList("proposals.id"));
            assertEquals(1, eventsOfType(probe, "match.proposed", referralId));
        }
    }

    @Test
    void aReferralNoPeerFitsWaitsWithAReasonAndNoEvent() {
        createPeer(with(with(peer("Max", List.of(DIABETES), List.of("IN_PERSON"), 3), "gender", "MALE"),
                "settings", List.of("GROUP")));
        createPeer(with(peer("Ned", List.of(DIABETES), List.of("TELEPHONE"), 3), "gender", "MALE"));

        UUID referralId = acceptReferral(List.of(DIABETES), "FEMALE", List.of("TELEPHONE"), "en");

        JsonPath waiting = proposalsOnceKnown(referralId);
        assertEquals("WAITING", waiting.getString("status"));
        assertEquals(List.of(), waiting.getList("proposals"));
        // other tests' peers are inactive here, so the reason also counts them
        assertThat(waiting.getString("waitingReason"), allOf(
                startsWith("No peer fits yet: of "),
                containsString(", 1 offering none of the preferred media (telephone), "
                        + "1 not of the preferred gender (female)")));
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.MATCHES)) {
            assertEquals(0, eventsOfType(probe, "match.proposed", referralId));
        }
    }

    @Test
    void acceptingMatchesThePersonTakesAPlaceAndSupersedesTheRest() {
        String ana = createPeer(peer("Ana", List.of(DIABETES, ANXIETY), List.of("IN_PERSON"), 2));
        String bea = createPeer(peer("Bea", List.of(COPD), List.of("IN_PERSON"), 2));
        UUID referralId = acceptReferral(List.of(DIABETES, DEPRESSION), null, List.of("ONE_TO_ONE"), "en");
        JsonPath shortlist = proposalsOnceKnown(referralId);
        String first = shortlist.getString("proposals[0].id");
        String second = shortlist.getString("proposals[1].id");
        assertEquals(ana, shortlist.getString("proposals[0].peerId"));

        // accepting takes no body, so a request without one (or without a JSON content type) is fine
        given().header("Authorization", Tokens.bearer(Tokens.as("coordinator")))
                .post("/proposals/" + first + "/accept").then().statusCode(200)
                .body("id", equalTo(first)).body("status", equalTo("ACCEPTED"))
                .body("peerId", equalTo(ana)).body("referralId", equalTo(referralId.toString()));

        as("admin").get("/referrals/" + referralId + "/proposals").then().statusCode(200)
                .body("status", equalTo("MATCHED"))
                .body("waitingReason", nullValue())
                .body("proposals.status", contains("ACCEPTED", "SUPERSEDED"));
        as("coordinator").get("/peers/" + ana).then().body("activeClients", equalTo(1));
        as("coordinator").get("/peers/" + bea).then().body("activeClients", equalTo(0));

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.MATCHES)) {
            JsonNode matched = probe.await(EventProbe.ofType("match.accepted", referralId), WAIT).path("data");
            assertEquals(first, matched.path("proposalId").asText());
            assertEquals(ana, matched.path("peerId").asText());
            assertEquals(shortlist.getInt("proposals[0].score"), matched.path("score").asInt());
            assertEquals("CONDITION", matched.path("sharedLivedExperience").asText(), "both live with diabetes");
            assertFalse(matched.path("acceptedAt").isMissingNode());
        }

        as("coordinator").post("/proposals/" + first + "/accept").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("ACCEPTED"));
        as("coordinator").post("/proposals/" + second + "/accept").then().statusCode(409)
                .body("detail", containsString("SUPERSEDED"));
        as("coordinator").body(Map.of("reason", "NOT_A_GOOD_FIT")).post("/proposals/" + first + "/decline")
                .then().statusCode(409);
        as("coordinator").get("/peers/" + ana).then().body("activeClients", equalTo(1));

        // the place taken cannot be removed from under the person
        as("coordinator").body(peer("Ana", List.of(DIABETES, ANXIETY), List.of("IN_PERSON"), 0))
                .put("/peers/" + ana).then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", contains("capacity"))
                .body("detail", containsString("1 active client"));
        as("coordinator").body(peer("Ana", List.of(DIABETES, ANXIETY), List.of("IN_PERSON"), 1))
                .put("/peers/" + ana).then().statusCode(200).body("activeClients", equalTo(1));

        as("coordinator").post("/proposals/" + UUID.randomUUID() + "/accept").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void decliningRecordsACodedReasonAndWhenNoneIsLeftTheReferralWaits() {
        String ana = createPeer(peer("Ana", List.of(DIABETES), List.of("TELEPHONE"), 2));
        UUID referralId = acceptReferral(List.of(DIABETES), null, List.of(), null);
        String proposal = proposalsOnceKnown(referralId).getString("proposals[0].id");

        as("coordinator").post("/proposals/" + proposal + "/decline").then().statusCode(400)
                .contentType("application/problem+json");
        as("coordinator").body(Map.of("note", "no reason")).post("/proposals/" + proposal + "/decline")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        as("coordinator").body(Map.of("reason", "BORED")).post("/proposals/" + proposal + "/decline")
                .then().statusCode(400).body("errors.field", hasItem("reason"));

        String note = "They were at school together";
        as("coordinator").body(Map.of("reason", "CONFLICT_OF_INTEREST", "note", note))
                .post("/proposals/" + proposal + "/decline").then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("declineReason", equalTo("CONFLICT_OF_INTEREST"));

        as("coordinator").get("/referrals/" + referralId + "/proposals").then().statusCode(200)
                .body("status", equalTo("WAITING"))
                .body("waitingReason", containsString("declined"))
                .body("proposals", hasSize(1));
        as("coordinator").post("/proposals/" + proposal + "/accept").then().statusCode(409)
                .body("detail", containsString("DECLINED"));
        as("coordinator").get("/peers/" + ana).then().body("activeClients", equalTo(0));

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.MATCHES)) {
            JsonNode declined = probe.await(EventProbe.ofType("match.declined", referralId), WAIT);
            assertEquals("CONFLICT_OF_INTEREST", declined.path("data").path("reason").asText());
            assertEquals(proposal, declined.path("data").path("proposalId").asText());
            assertEquals(ana, declined.path("data").path("peerId").asText());
            assertFalse(declined.toString().contains(note), "the note must not leave matching-service");
        }
    }

    @Test
    void twoAcceptsRacingForAPeersLastPlaceHaveOneWinner() throws Exception {
        String peerId = createPeer(peer("Lou", List.of(DIABETES), List.of("TELEPHONE"), 1));
        UUID one = acceptReferral(List.of(DIABETES), null, List.of("TELEPHONE"), "en");
        UUID two = acceptReferral(List.of(DIABETES), null, List.of("TELEPHONE"), "en");
        List<String> proposals = List.of(proposalsOnceKnown(one).getString("proposals[0].id"),
                proposalsOnceKnown(two).getString("proposals[0].id"));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> accepts = new ArrayList<>();
            for (String proposal : proposals) {
                accepts.add(pool.submit(() -> {
                    start.await();
                    return as("coordinator").post("/proposals/" + proposal + "/accept");
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> accept : accepts) {
                responses.add(accept.get());
            }
            assertEquals(List.of(200, 409), responses.stream().map(Response::statusCode).sorted().toList());
            Response loser = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            assertEquals("application/problem+json", loser.contentType());
            assertThat(loser.jsonPath().getString("detail"),
                    containsString("peer is full (1 of 1 places taken)"));
        } finally {
            pool.shutdownNow();
        }

        as("coordinator").get("/peers/" + peerId).then().body("activeClients", equalTo(1));
        List<String> statuses = List.of(
                as("coordinator").get("/referrals/" + one + "/proposals").then().extract().path("status"),
                as("coordinator").get("/referrals/" + two + "/proposals").then().extract().path("status"));
        assertEquals(List.of("MATCHED", "PROPOSED"), statuses.stream().sorted().toList());
    }

    @Test
    void proposalsAreForCoordinatorsAndAdminsOnly() {
        createPeer(peer("Ana", List.of(DIABETES), List.of("TELEPHONE"), 2));
        UUID referralId = acceptReferral(List.of(DIABETES), null, List.of("TELEPHONE"), "en");
        String proposal = proposalsOnceKnown(referralId).getString("proposals[0].id");
        String path = "/referrals/" + referralId + "/proposals";

        given().get(path).then().statusCode(401).contentType("application/problem+json");
        given().post("/proposals/" + proposal + "/accept").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.expired("coordinator"))).get(path)
                .then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.wronglySigned("coordinator"))).get(path)
                .then().statusCode(401);
        for (String role : List.of("supervisor", "peer-worker", "referrer", "commissioner")) {
            as(role).get(path).then().statusCode(403).contentType("application/problem+json");
            as(role).post("/proposals/" + proposal + "/accept").then().statusCode(403);
            as(role).body(Map.of("reason", "OTHER")).post("/proposals/" + proposal + "/decline")
                    .then().statusCode(403);
        }
        as("coordinator").get(path).then().statusCode(200).body("proposals[0].status", equalTo("PROPOSED"));

        as("coordinator").get("/referrals/" + UUID.randomUUID() + "/proposals").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("was not found"));
        as("coordinator").body(Map.of("reason", "OTHER")).post("/proposals/" + UUID.randomUUID() + "/decline")
                .then().statusCode(404);
    }

    @Test
    void anUnusableReferralAcceptedIsDeadLetteredAndTheStreamMovesOn() {
        createPeer(peer("Ana", List.of(DIABETES), List.of("TELEPHONE"), 2));
        UUID poisoned = UUID.randomUUID();
        TestEvents.sendRaw(Topics.REFERRALS, poisoned.toString(), "{not json".getBytes(StandardCharsets.UTF_8));
        TestEvents.publish("referral.accepted", poisoned,
                accepted(poisoned, List.of(DIABETES), null, List.of("CARRIER_PIGEON"), "en"));
        UUID good = acceptReferral(List.of(DIABETES), null, List.of("TELEPHONE"), "en");

        assertEquals("PROPOSED", proposalsOnceKnown(good).getString("status"));
        as("coordinator").get("/referrals/" + poisoned + "/proposals").then().statusCode(404);
        try (EventProbe dlt = new EventProbe(KafkaBroker.shared().bootstrapServers(),
                Topics.deadLetter("matching-service"))) {
            await().atMost(WAIT).until(() -> dlt.all(Duration.ofMillis(500)).stream()
                    .filter(r -> poisoned.toString().equals(r.key()))
                    .filter(r -> r.headers().lastHeader(DeadLetters.ERROR_HEADER) != null)
                    .count() == 2);
        }
    }
}
