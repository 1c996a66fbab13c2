package org.alongside.matching;

import static io.restassured.RestAssured.given;
import static org.alongside.matching.MatchingTestSupport.CANCER;
import static org.alongside.matching.MatchingTestSupport.COPD;
import static org.alongside.matching.MatchingTestSupport.DIABETES;
import static org.alongside.matching.MatchingTestSupport.MS;
import static org.alongside.matching.MatchingTestSupport.PSYCHOSIS;
import static org.alongside.matching.MatchingTestSupport.TYPE_1_DIABETES;
import static org.alongside.matching.MatchingTestSupport.WAIT;
import static org.alongside.matching.MatchingTestSupport.acceptReferral;
import static org.alongside.matching.MatchingTestSupport.accepted;
import static org.alongside.matching.MatchingTestSupport.as;
import static org.alongside.matching.MatchingTestSupport.condition;
import static org.alongside.matching.MatchingTestSupport.createPeer;
import static org.alongside.matching.MatchingTestSupport.isolate;
import static org.alongside.matching.MatchingTestSupport.peer;
import static org.alongside.matching.MatchingTestSupport.proposals;
import static org.alongside.matching.MatchingTestSupport.proposalsOnceKnown;
import static org.alongside.matching.MatchingTestSupport.publishAccepted;
import static org.alongside.matching.MatchingTestSupport.with;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.alongside.platform.testing.TestEvents;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The person's choice after the first shortlist: declining and the next best peer, peers ruled out, referrals
 * that wait and are matched again when a peer joins, returns or frees a place, and matches that end.
 */
@QuarkusTest
class ChoiceAndWaitingTest {

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

    private static void awaitStatus(UUID referralId, String status) {
        await().atMost(WAIT).until(() -> {
            var response = as("coordinator").get("/referrals/" + referralId + "/proposals");
            return response.statusCode() == 200 && status.equals(response.jsonPath().getString("status"));
        });
    }

    private static List<JsonNode> events(EventProbe probe, String type, UUID referralId, int atLeast) {
        await().atMost(WAIT).until(() -> probe.all(Duration.ofMillis(300)).stream()
                .filter(EventProbe.ofType(type, referralId)).count() >= atLeast);
        return probe.all(Duration.ofSeconds(1)).stream().filter(EventProbe.ofType(type, referralId))
                .map(r -> r.value()).toList();
    }

    private static String proposalOf(JsonPath shortlist, String peerId) {
        List<String> peers = shortlist.getList("proposals.peerId");
        return shortlist.getString("proposals[" + peers.indexOf(peerId) + "].id");
    }

    private static int activeClients(String peerId) {
        return as("coordinator").get("/peers/" + peerId).then().statusCode(200).extract().path("activeClients");
    }

    private static Map<String, Object> onLeave(Map<String, Object> peer) {
        return with(with(peer, "active", null), "status", "ON_LEAVE");
    }

    private static Map<String, Object> status(Map<String, Object> peer, String status) {
        return with(with(peer, "active", null), "status", status);
    }

    /** Four peers for a person with type 2 diabetes who wants telephone support, best first. */
    private record Four(String ada, String bo, String cy, String di) {
        static Four create() {
            return new Four(
                    // diabetes 40, wish 10, English 10, telephone 5
                    createPeer(peer("Ada", List.of(DIABETES), List.of("TELEPHONE"), 2)),
                    // diabetes 40, wish 10, telephone 5
                    createPeer(with(peer("Bo", List.of(DIABETES), List.of("TELEPHONE"), 2), "languages", List.of())),
                    // diabetes group 20, English 10, telephone 5
                    createPeer(peer("Cy", List.of(TYPE_1_DIABETES), List.of("TELEPHONE"), 2)),
                    // physical kind 10, English 10, telephone 5
                    createPeer(peer("Di", List.of(COPD), List.of("TELEPHONE"), 2)));
        }
    }

    @Test
    void decliningRecordsTheReasonAndProposesTheNextBestPeerNotYetProposed() {
        Four peers = Four.create();
        UUID referralId = acceptReferral(List.of(DIABETES), null, List.of("TELEPHONE"), "en");
        JsonPath first = proposalsOnceKnown(referralId);
        assertEquals(List.of(peers.ada(), peers.bo(), peers.cy()), first.getList("proposals.peerId"));
        assertEquals(List.of(65, 55, 35), first.getList("proposals.score"));
        assertEquals("both have lived with diabetes", first.getString("proposals[2].reasons[0].detail"));
        String ada = first.getString("proposals[0].id");

        as("coordinator").body(Map.of("reason", "PERSON_DECLINED")).post("/proposals/" + ada + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED"))
                .body("declineReason", equalTo("PERSON_DECLINED"));

        JsonPath after = proposals(referralId);
        assertEquals("PROPOSED", after.getString("status"));
        assertEquals(List.of(peers.ada(), peers.bo(), peers.cy(), peers.di()), after.getList("proposals.peerId"));
        assertEquals(List.of("DECLINED", "PROPOSED", "PROPOSED", "PROPOSED"), after.getList("proposals.status"));
        assertEquals(List.of(1, 2, 3, 4), after.getList("proposals.rank"));
        assertEquals(25, after.getInt("proposals[3].score"));

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.MATCHES)) {
            List<JsonNode> proposed = events(probe, "match.proposed", referralId, 2);
            assertEquals(2, proposed.size());
            JsonNode next = proposed.get(1).path("data").path("proposals");
            assertEquals(1, next.size(), "only the new proposal is announced");
            assertEquals(peers.di(), next.path(0).path("peerId").asText());
            assertEquals(4, next.path(0).path("rank").asInt());
            assertEquals(after.getString("proposals[3].id"), next.path(0).path("proposalId").asText());
            assertEquals("PERSON_DECLINED",
                    events(probe, "match.declined", referralId, 1).get(0).path("data").path("reason").asText());
        }

        // every peer declined: the referral waits, saying so
        for (int i = 1; i < 4; i++) {
            as("coordinator").body(Map.of("reason", "NOT_A_GOOD_FIT"))
                    .post("/proposals/" + after.getString("proposals[" + i + "].id") + "/decline")
                    .then().statusCode(200);
        }
        JsonPath waiting = proposals(referralId);
        assertEquals("WAITING", waiting.getString("status"));
        assertThat(waiting.getString("waitingReason"), startsWith("4 proposed peers declined. No peer fits yet: of "));
        assertThat(waiting.getString("waitingReason"), containsString("4 already proposed"));
        assertThat(waiting.getString("waitingSince"), notNullValue());
        as("coordinator").post("/proposals/" + ada + "/accept").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("DECLINED"));
        as("coordinator").get("/waiting").then().statusCode(200)
                .body("items.referralId", hasItem(referralId.toString()));
    }

    @Test
    void aReferralNoPeerFitsWaitsLongestFirstAndGetsTheFreePlaceOfAPeerWhoJoins() {
        Map<String, Object> olderData = accepted(UUID.randomUUID(), List.of(PSYCHOSIS), "MALE", List.of("VIDEO"), "en");
        olderData.put("acceptedAt", "2026-01-01T09:00:00Z");
        Map<String, Object> newerData = accepted(UUID.randomUUID(), List.of(PSYCHOSIS), "MALE", List.of("VIDEO"), "en");
        newerData.put("acceptedAt", "2026-01-03T09:00:00Z");
        UUID newer = publishAccepted(newerData);
        UUID older = publishAccepted(olderData);
        awaitStatus(newer, "WAITING");
        awaitStatus(older, "WAITING");

        JsonPath waiting = as("coordinator").queryParam("size", 200).get("/waiting").then().statusCode(200)
                .extract().jsonPath();
        List<String> ids = waiting.getList("items.referralId");
        assertEquals(List.of(older.toString(), newer.toString()), ids.stream()
                .filter(id -> id.equals(older.toString()) || id.equals(newer.toString())).toList());
        int first = ids.indexOf(older.toString());
        assertThat(waiting.getString("items[" + first + "].waitingReason"), startsWith("No peer fits yet"));
        assertEquals(OffsetDateTime.parse("2026-01-01T09:00:00Z").toInstant(),
                OffsetDateTime.parse(waiting.getString("items[" + first + "].waitingSince")).toInstant());
        assertEquals("severe-mental-illness", waiting.getString("items[" + first + "].conditions[0].group"));
        assertEquals(List.of(), waiting.getList("items[" + first + "].settings"));
        assertEquals(List.of("VIDEO"), waiting.getList("items[" + first + "].media"));
        assertEquals("MALE", waiting.getString("items[" + first + "].peerGender"));
        assertEquals("LS6", waiting.getString("items[" + first + "].locality"));

        // a peer who fits joins with one place: it is offered to the referral waiting longest
        String max = createPeer(with(peer("Max", List.of(PSYCHOSIS), List.of("VIDEO"), 1), "gender", "MALE"));
        JsonPath offered = proposals(older);
        assertEquals("PROPOSED", offered.getString("status"));
        assertEquals(List.of(max), offered.getList("proposals.peerId"));
        JsonPath stillWaiting = proposals(newer);
        assertEquals("WAITING", stillWaiting.getString("status"));
        assertThat(stillWaiting.getString("waitingReason"),
                containsString("1 with every free place already offered in open proposals"));

        // a second place: offered to the next
        as("coordinator").body(with(peer("Max", List.of(PSYCHOSIS), List.of("VIDEO"), 2), "gender", "MALE"))
                .put("/peers/" + max).then().statusCode(200);
        assertEquals(List.of(max), proposals(newer).getList("proposals.peerId"));
        List<String> stillListed = as("coordinator").queryParam("size", 200).get("/waiting").then().statusCode(200)
                .extract().path("items.referralId");
        assertFalse(stillListed.contains(older.toString()) || stillListed.contains(newer.toString()));
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.MATCHES)) {
            assertEquals(max, events(probe, "match.proposed", older, 1).get(0)
                    .path("data").path("proposals").path(0).path("peerId").asText());
            events(probe, "match.proposed", newer, 1);
        }
    }

    @Test
    void aPeerBackFromLeaveIsProposedToThoseWaiting() {
        Map<String, Object> lee = peer("Lee", List.of(MS), List.of("ONLINE_TEXT"), 2);
        String leeId = createPeer(onLeave(lee));
        as("coordinator").get("/peers/" + leeId).then().body("status", equalTo("ON_LEAVE")).body("active", equalTo(false));
        UUID referralId = acceptReferral(List.of(MS), null, List.of("ONLINE"), "en");
        awaitStatus(referralId, "WAITING");
        assertThat(proposals(referralId).getString("waitingReason"), containsString(" on leave"));

        as("coordinator").body(status(lee, "ACTIVE")).put("/peers/" + leeId).then().statusCode(200)
                .body("active", equalTo(true));
        assertEquals(List.of(leeId), proposals(referralId).getList("proposals.peerId"));
    }

    @Test
    void closingAMatchedReferralEndsTheMatchOnceAndItsPlaceGoesToTheNextWaiting() throws Exception {
        Map<String, Object> kitProfile = peer("Kit", List.of(CANCER), List.of("ONLINE_TEXT"), 1);
        String kit = createPeer(kitProfile);
        UUID first = acceptReferral(List.of(CANCER), null, List.of("ONLINE"), "en");
        as("coordinator").post("/proposals/" + proposalsOnceKnown(first).getString("proposals[0].id") + "/accept")
                .then().statusCode(200);
        UUID second = acceptReferral(List.of(CANCER), null, List.of("ONLINE"), "en");
        awaitStatus(second, "WAITING");
        assertThat(proposals(second).getString("waitingReason"), containsString("1 at capacity"));

        Map<String, Object> closed = Map.of("referralId", first.toString(), "reason", "GOALS_MET",
                "closedAt", "2026-03-01T10:00:00Z");
        EventEnvelope close = TestEvents.publish("referral.closed", first, closed);
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.MATCHES)) {
            JsonNode endedEvent = probe.await(EventProbe.ofType("match.ended", first), WAIT);
            assertThat(endedEvent.path("dataschema").asText(), matchesPattern(".*match\\.ended.*/2(\\.json)?"));
            JsonNode ended = endedEvent.path("data");
            assertEquals(first.toString(), ended.path("referralId").asText());
            assertEquals(kit, ended.path("peerId").asText());
            assertEquals("CLOSED", ended.path("reason").asText());
            assertEquals(proposalsOnceKnown(first).getString("proposals[0].id"), ended.path("proposalId").asText());
            assertEquals(OffsetDateTime.parse("2026-03-01T10:00:00Z").toInstant(),
                    OffsetDateTime.parse(ended.path("endedAt").asText()).toInstant());

            awaitStatus(first, "ENDED");
            // the freed place goes to the referral that was waiting for it
            awaitStatus(second, "PROPOSED");
            assertEquals(List.of(kit), proposals(second).getList("proposals.peerId"));
            assertEquals(0, activeClients(kit));

            // the same close again, and again under a new event id: the match ends once
            TestEvents.send(close);
            EventEnvelope again = TestEvents.publish("referral.closed", first, closed);
            await().atMost(WAIT).until(() -> consumed(again.id()));
            assertEquals(1, probe.all(Duration.ofSeconds(2)).stream()
                    .filter(EventProbe.ofType("match.ended", first)).count());
            assertEquals(0, activeClients(kit));

            // matched again, then withdrawn: that match ends too, and then the peer may leave
            as("coordinator").post("/proposals/" + proposals(second).getString("proposals[0].id") + "/accept")
                    .then().statusCode(200);
            assertEquals(1, activeClients(kit));
            TestEvents.publish("referral.withdrawn", second, Map.of("referralId", second.toString(),
                    "reason", "PERSON_REQUEST", "fromStatus", "MATCHED", "withdrawnAt", "2026-03-02T10:00:00Z"));
            JsonNode withdrawn = probe.await(EventProbe.ofType("match.ended", second), WAIT).path("data");
            assertEquals("WITHDRAWN", withdrawn.path("reason").asText());
            awaitStatus(second, "ENDED");
        }
        as("coordinator").get("/referrals/" + first + "/matches").then().statusCode(200)
                .body("items.peerId", contains(kit)).body("items[0].endReason", equalTo("CLOSED"))
                .body("items[0].endDetail", equalTo("GOALS_MET")).body("total", equalTo(1));
        as("coordinator").get("/referrals/" + second + "/matches").then().statusCode(200)
                .body("items[0].endReason", equalTo("WITHDRAWN"))
                .body("items[0].endDetail", equalTo("PERSON_REQUEST"));
        assertEquals(0, activeClients(kit));
        as("coordinator").body(status(kitProfile, "LEFT")).put("/peers/" + kit).then().statusCode(200)
                .body("status", equalTo("LEFT")).body("active", equalTo(false));
    }

    @Test
    void withdrawingBeforeAMatchDropsTheReferralAndItsOpenProposals() throws Exception {
        createPeer(peer("Pat", List.of(MS), List.of("TELEPHONE"), 2));
        UUID proposed = acceptReferral(List.of(MS), null, List.of("TELEPHONE"), "en");
        String proposal = proposalsOnceKnown(proposed).getString("proposals[0].id");
        UUID waiting = acceptReferral(List.of(MS), "MALE", List.of("TELEPHONE"), "en");
        awaitStatus(waiting, "WAITING");

        for (UUID referralId : List.of(proposed, waiting)) {
            TestEvents.publish("referral.withdrawn", referralId, Map.of("referralId", referralId.toString(),
                    "reason", "DUPLICATE", "fromStatus", "ACCEPTED", "withdrawnAt", "2026-03-02T10:00:00Z"));
        }
        awaitStatus(proposed, "WITHDRAWN");
        awaitStatus(waiting, "WITHDRAWN");
        assertEquals(List.of("WITHDRAWN"), proposals(proposed).getList("proposals.status"));
        as("coordinator").post("/proposals/" + proposal + "/accept").then().statusCode(409)
                .body("detail", containsString("WITHDRAWN"));
        as("coordinator").queryParam("size", 200).get("/waiting").then()
                .body("items.referralId", not(hasItem(waiting.toString())));

        // a referral withdrawn before it was ever accepted means nothing to matching
        UUID neverAccepted = UUID.randomUUID();
        EventEnvelope unknown = TestEvents.publish("referral.withdrawn", neverAccepted, Map.of(
                "referralId", neverAccepted.toString(), "reason", "DUPLICATE", "fromStatus", "RECEIVED",
                "withdrawnAt", "2026-03-02T10:00:00Z"));
        await().atMost(WAIT).until(() -> consumed(unknown.id()));
        as("coordinator").get("/referrals/" + neverAccepted + "/proposals").then().statusCode(404);
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.MATCHES)) {
            List<?> endings = probe.all(Duration.ofSeconds(2)).stream()
                    .filter(r -> r.value() != null && "match.ended".equals(r.value().path("type").asText()))
                    .filter(r -> List.of(proposed.toString(), waiting.toString()).contains(r.key())).toList();
            assertEquals(List.of(), endings, "no match, so no match ended");
        }
    }

    @Test
    void aReferralAcceptedAndWithdrawnInOnePollEndsWithdrawn() {
        createPeer(peer("Pia", List.of(MS), List.of("TELEPHONE"), 2));
        UUID referralId = UUID.randomUUID();
        // one Kafka transaction on one partition: applied in one poll, so in one database transaction, where the
        // withdrawal must find the shortlist the acceptance made
        EventEnvelope accepted = TestEvents.envelope("referral.accepted", referralId, accepted(referralId,
                List.of(MS), null, List.of("TELEPHONE"), "en"));
        EventEnvelope withdrawn = TestEvents.envelope("referral.withdrawn", referralId, Map.of(
                "referralId", referralId.toString(), "reason", "DUPLICATE", "fromStatus", "ACCEPTED",
                "withdrawnAt", "2026-03-02T10:00:00Z"));
        TestEvents.sendTogether(List.of(TestEvents.record(accepted, referralId.toString()),
                TestEvents.record(withdrawn, referralId.toString())));

        await().atMost(WAIT).until(() -> consumed(withdrawn.id()));
        awaitStatus(referralId, "WITHDRAWN");
        assertEquals(List.of("WITHDRAWN"), proposals(referralId).getList("proposals.status"));
    }

    @Test
    void aPeerRuledOutForAPersonIsWithdrawnReplacedAndNeverProposedToThem() {
        Four peers = Four.create();
        UUID referralId = acceptReferral(List.of(DIABETES), null, List.of("TELEPHONE"), "en");
        String adaProposal = proposalsOnceKnown(referralId).getString("proposals[0].id");
        String path = "/referrals/" + referralId + "/do-not-match";

        as("coordinator").body(Map.of("peerId", peers.ada(), "reason", "They are neighbours")).post(path)
                .then().statusCode(201)
                .body("referralId", equalTo(referralId.toString()))
                .body("peerId", equalTo(peers.ada()))
                .body("peerDisplayName", equalTo("Ada"))
                .body("reason", equalTo("They are neighbours"))
                .body("recordedBy", notNullValue());
        JsonPath after = proposals(referralId);
        assertEquals(List.of(peers.ada(), peers.bo(), peers.cy(), peers.di()), after.getList("proposals.peerId"));
        assertEquals(List.of("WITHDRAWN", "PROPOSED", "PROPOSED", "PROPOSED"), after.getList("proposals.status"));
        as("coordinator").post("/proposals/" + adaProposal + "/accept").then().statusCode(409)
                .body("detail", containsString("WITHDRAWN"));

        // again: the reason is replaced, nothing else changes
        as("admin").body(Map.of("peerId", peers.ada(), "reason", "Same church")).post(path).then().statusCode(200)
                .body("reason", equalTo("Same church"));
        as("coordinator").get(path).then().statusCode(200).body("items.peerId", contains(peers.ada()))
                .body("items[0].reason", equalTo("Same church")).body("total", equalTo(1));
        assertEquals(4, proposals(referralId).getList("proposals").size());

        // bad requests name the field
        as("coordinator").body(Map.of("reason", "x")).post(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("peerId"));
        as("coordinator").body(Map.of("peerId", peers.bo())).post(path).then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        as("coordinator").body(Map.of("peerId", UUID.randomUUID(), "reason", "x")).post(path).then().statusCode(400)
                .body("errors.field", contains("peerId"));
        as("coordinator").body(Map.of("peerId", peers.bo(), "reason", "x"))
                .post("/referrals/" + UUID.randomUUID() + "/do-not-match").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("peerId", peers.bo(), "reason", "x")).post(path)
                .then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.expired("coordinator"))).get(path).then().statusCode(401);
        for (String role : List.of("peer-worker", "supervisor", "referrer", "commissioner")) {
            as(role).body(Map.of("peerId", peers.bo(), "reason", "x")).post(path).then().statusCode(403);
            as(role).get(path).then().statusCode(403);
        }

        // the person chose Bo: Bo cannot be ruled out now
        String bo = proposalOf(after, peers.bo());
        as("coordinator").post("/proposals/" + bo + "/accept").then().statusCode(200);
        as("coordinator").body(Map.of("peerId", peers.bo(), "reason", "x")).post(path).then().statusCode(409)
                .body("type", endsWith("already-matched"));

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.MATCHES)) {
            List<JsonNode> proposed = events(probe, "match.proposed", referralId, 2);
            assertEquals(peers.di(), proposed.get(1).path("data").path("proposals").path(0).path("peerId").asText());
            events(probe, "match.accepted", referralId, 1);
            assertTrue(probe.all(Duration.ofSeconds(1)).stream().filter(r -> referralId.toString().equals(r.key()))
                    .noneMatch(r -> String.valueOf(r.value()).contains("neighbours")
                            || String.valueOf(r.value()).contains("church")), "the reason stays in matching");
        }
    }

    @Test
    void anOpenProposalThePeerNoLongerFitsIsWithdrawnAndAStaleOneCannotBeAccepted() throws SQLException {
        Map<String, Object> fayProfile = peer("Fay", List.of(MS), List.of("VIDEO"), 2);
        String fay = createPeer(fayProfile);
        String gil = createPeer(peer("Gil", List.of(MS), List.of("VIDEO"), 2));
        UUID referralId = acceptReferral(List.of(MS), null, List.of("VIDEO"), "en");
        JsonPath shortlist = proposalsOnceKnown(referralId);
        String fayProposal = proposalOf(shortlist, fay);
        String gilProposal = proposalOf(shortlist, gil);

        // Fay goes on leave: her open proposal is withdrawn at once (no one else fits to replace it)
        as("coordinator").body(onLeave(fayProfile)).put("/peers/" + fay).then().statusCode(200);
        JsonPath after = proposals(referralId);
        assertEquals("PROPOSED", after.getString("status"));
        assertEquals("WITHDRAWN", after.getString("proposals.find { it.peerId == '" + fay + "' }.status"));
        as("coordinator").post("/proposals/" + fayProposal + "/accept").then().statusCode(409)
                .body("detail", containsString("WITHDRAWN"));

        // Gil's leave written by another system, unseen by matching's API: accepting checks again
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE peer SET active = false WHERE id = ?")) {
            update.setObject(1, UUID.fromString(gil));
            update.executeUpdate();
        }
        as("coordinator").post("/proposals/" + gilProposal + "/accept").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("proposal-stale")).body("detail", containsString("the peer is now on leave"));
        assertEquals(0, activeClients(gil));
    }

    @Test
    void aPersonWhoAskedForTheirLanguageIsProposedOnlyPeersWhoSpeakIt() {
        String eli = createPeer(peer("Eli", List.of(DIABETES), List.of("TELEPHONE"), 2));
        String ola = createPeer(with(with(peer("Ola", List.of(COPD), List.of("TELEPHONE"), 2),
                "languages", List.of("pl", "en")), "culture", "Polish"));

        Map<String, Object> asked = accepted(UUID.randomUUID(), List.of(DIABETES), null, List.of("TELEPHONE"), "pl");
        @SuppressWarnings("unchecked")
        Map<String, Object> preferences = (Map<String, Object>) asked.get("preferences");
        preferences.put("sharedCultureOrLanguage", true);
        asked.put("culture", "polish");
        JsonPath onlyOla = proposalsOnceKnown(publishAccepted(asked));
        assertEquals(List.of(ola), onlyOla.getList("proposals.peerId"));
        assertEquals(List.of("SHARED_KIND", "SHARED_CULTURE_OR_LANGUAGE_WISH", "LANGUAGE", "CULTURE", "SUPPORT"),
                onlyOla.getList("proposals[0].reasons.factor"));
        assertEquals("shares the person's culture (Polish)", onlyOla.getString("proposals[0].reasons[3].detail"));

        // without the wish an interpreter is arranged: both are proposed, shared lived experience first
        Map<String, Object> notAsked = new HashMap<>(asked);
        notAsked.put("referralId", UUID.randomUUID().toString());
        notAsked.put("preferences", Map.of("formats", List.of("TELEPHONE"), "sharedCondition", true));
        assertEquals(List.of(eli, ola), proposalsOnceKnown(publishAccepted(notAsked)).getList("proposals.peerId"));
    }

    @Test
    void aPeersBoundariesAreNeverCrossed() {
        createPeer(with(peer("Bea", List.of(CANCER), List.of("TELEPHONE"), 2),
                "boundaries", Map.of("conditionGroups", List.of("cancer"))));
        UUID cancer = acceptReferral(List.of(CANCER), null, List.of("TELEPHONE"), "en");
        awaitStatus(cancer, "WAITING");
        assertThat(proposals(cancer).getString("waitingReason"),
                containsString("1 whose boundaries exclude the person's experience"));

        String cal = createPeer(with(peer("Cal", List.of(MS), List.of("TELEPHONE"), 2),
                "boundaries", Map.of("experiences", List.of("Recent bereavement"))));
        assertEquals(List.of(cal), proposals(cancer).getList("proposals.peerId"));

        // Cal would fit someone with cancer, but not someone recently bereaved; Bea supports no one with cancer
        Map<String, Object> bereaved = accepted(UUID.randomUUID(), List.of(CANCER), null, List.of("TELEPHONE"), "en");
        bereaved.put("experiences", List.of("recent bereavement"));
        UUID bereavedId = publishAccepted(bereaved);
        awaitStatus(bereavedId, "WAITING");
    }

    @Test
    void aCodeAddedToTheTaxonomyMatchesByItsGroupWithoutARelease() {
        createPeer(peer("Ivy", List.of(TYPE_1_DIABETES), List.of("TELEPHONE"), 3));
        Map<String, Object> unlisted = condition("73211009", "Diabetes mellitus", "PHYSICAL");
        JsonPath before = proposalsOnceKnown(acceptReferral(List.of(unlisted), null, List.of("TELEPHONE"), "en"));
        assertEquals("SHARED_KIND", before.getString("proposals[0].reasons[0].factor"));

        int version = as("admin").body(Map.of("group", "diabetes", "kind", "PHYSICAL", "display", "Diabetes mellitus"))
                .put("/taxonomy/codes/73211009").then().statusCode(200).body("changed", equalTo(true))
                .extract().path("version");
        JsonPath after = proposalsOnceKnown(acceptReferral(List.of(unlisted), null, List.of("TELEPHONE"), "en"));
        assertEquals("both have lived with diabetes", after.getString("proposals[0].reasons[0].detail"));
        assertEquals(20, after.getInt("proposals[0].reasons[0].points"));
        assertEquals(version, after.getInt("proposals[0].taxonomyVersion"));
    }

    @Test
    void theWaitingListIsForCoordinatorsAndAdmins() {
        given().get("/waiting").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Tokens.expired("coordinator"))).get("/waiting")
                .then().statusCode(401);
        for (String role : List.of("peer-worker", "supervisor", "referrer", "commissioner")) {
            as(role).get("/waiting").then().statusCode(403).contentType("application/problem+json");
        }
        as("admin").get("/waiting").then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20));
        as("coordinator").queryParam("size", 0).get("/waiting").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
