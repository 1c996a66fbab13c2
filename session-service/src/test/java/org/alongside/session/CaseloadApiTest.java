package org.alongside.session;

import static org.alongside.session.SessionTestSupport.assignSupervisor;
import static org.alongside.session.SessionTestSupport.as;
import static org.alongside.session.SessionTestSupport.asPeer;
import static org.alongside.session.SessionTestSupport.asSupervisor;
import static org.alongside.session.SessionTestSupport.asWritten;
import static org.alongside.session.SessionTestSupport.now;
import static org.alongside.session.SessionTestSupport.publishMatch;
import static org.alongside.session.SessionTestSupport.recordOnceMatched;
import static org.alongside.session.SessionTestSupport.session;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** What a peer worker opens first: their clients, who they have not seen for a while, what is planned. */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_session_test"))
@QuarkusTestResource(ReferralServiceStub.class)
class CaseloadApiTest {

    @ReferralServiceStub.Stub
    ReferralServiceStub referrals;

    @Test
    void aPeerSeesWhoTheirPeopleAreAndHowToReachThemAskedOfReferralServiceWithTheirOwnToken() {
        UUID peer = UUID.randomUUID();
        UUID ada = UUID.randomUUID();
        UUID unnamed = UUID.randomUUID();
        publishMatch(ada, peer, now().minusDays(2));
        publishMatch(unnamed, peer, now().minusDays(1));
        referrals.answer(peer, """
                {"items": [{"id": "%s", "status": "ACTIVE", "person": {"givenName": "Ada", "familyName": "Lovelace",
                  "phone": "07700 900123", "email": "ada@example.org", "preferredContact": "TEXT",
                  "nhsNumber": "9434765919"}}], "page": 0, "size": 200, "total": 1}""".formatted(ada));
        String token = Tokens.peerWorker(peer);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asPeer(peer).get("/caseload").then()
                .statusCode(200).body("clients", hasSize(2)));
        given().header("Authorization", Tokens.bearer(token)).get("/caseload").then().statusCode(200)
                .body("namesAvailable", equalTo(true))
                .body("clients.find { it.referralId == '" + ada + "' }.person.givenName", equalTo("Ada"))
                .body("clients.find { it.referralId == '" + ada + "' }.person.familyName", equalTo("Lovelace"))
                .body("clients.find { it.referralId == '" + ada + "' }.person.preferredContact", equalTo("TEXT"))
                .body("clients.find { it.referralId == '" + ada + "' }.person.phone", equalTo("07700 900123"))
                .body("clients.find { it.referralId == '" + ada + "' }.person.nhsNumber", nullValue())
                .body("clients.find { it.referralId == '" + unnamed + "' }.person", nullValue())
                .body("clients.find { it.referralId == '" + ada + "' }.nextSessionOverdue", equalTo(false));
        assertEquals(Tokens.bearer(token), referrals.authorizationFor(peer), "asked with the caller's own token");

        // referral-service away: the caseload still answers, saying the names are missing
        UUID alone = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        referrals.unavailableFor(alone);
        publishMatch(person, alone, now().minusDays(1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asPeer(alone).get("/caseload").then()
                .statusCode(200).body("clients", hasSize(1)));
        asPeer(alone).get("/caseload").then().statusCode(200)
                .body("namesAvailable", equalTo(false))
                .body("clients[0].referralId", equalTo(person.toString()))
                .body("clients[0].person", nullValue())
                .body("clients[0].daysSinceLastContact", equalTo(1));
    }

    @Test
    void aPeerSeesTheirClientsThoseOutOfTouchLongestFirst() {
        UUID peer = UUID.randomUUID();
        UUID seenToday = UUID.randomUUID();
        UUID neverSeen = UUID.randomUUID();
        UUID inAGroup = UUID.randomUUID();
        publishMatch(seenToday, peer, now().minusDays(3));
        publishMatch(neverSeen, peer, now().minusDays(20));
        publishMatch(inAGroup, peer, now().minusDays(30));

        Map<String, Object> visit = session(seenToday, peer);
        String nextAt = asWritten(now().plusDays(7));
        visit.put("nextSessionAt", nextAt);
        String sessionId = recordOnceMatched(() -> asPeer(peer), visit).path("id");
        asPeer(peer).body(Map.of("text", "Go back to the choir", "focus", "COMMUNITY_CONNECTION"))
                .post("/referrals/" + seenToday + "/goals").then().statusCode(201);
        raiseConcern(peer, neverSeen);

        attendGroupTwoDaysAgo(peer, inAGroup);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asPeer(peer).get("/caseload").then()
                .statusCode(200).body("clients", hasSize(3)));
        asPeer(peer).get("/caseload").then().statusCode(200)
                .body("peerId", equalTo(peer.toString()))
                .body("noContactDays", equalTo(14))
                .body("flagged", equalTo(1))
                .body("clients.referralId", contains(neverSeen.toString(), inAGroup.toString(), seenToday.toString()))
                .body("clients[0].noContactFlag", equalTo(true))
                .body("clients[0].daysSinceLastContact", equalTo(20))
                .body("clients[0].lastContactAt", nullValue())
                .body("clients[0].lastSession", nullValue())
                .body("clients[0].openSafeguardingConcerns", equalTo(1))
                .body("clients[1].noContactFlag", equalTo(false))
                .body("clients[1].daysSinceLastContact", equalTo(2))
                .body("clients[2].lastSession.sessionId", equalTo(sessionId))
                .body("clients[2].lastSession.attendance", equalTo("ATTENDED"))
                .body("clients[2].daysSinceLastContact", equalTo(0))
                .body("clients[2].nextSessionAt", equalTo(nextAt))
                .body("clients[2].nextSessionOverdue", equalTo(false))
                .body("clients[2].openGoals", equalTo(1));

        // staff name the peer; a peer cannot look at a colleague's caseload
        as("coordinator").get("/caseload?peerId=" + peer).then().statusCode(200).body("clients", hasSize(3));
        asSupervisor("sup-" + UUID.randomUUID()).get("/caseload?peerId=" + peer).then().statusCode(404);
        String supervisor = "sup-" + UUID.randomUUID();
        assignSupervisor(peer, supervisor).then()
                .statusCode(200);
        asSupervisor(supervisor).get("/caseload?peerId=" + peer).then().statusCode(200).body("clients", hasSize(3));
        as("coordinator").get("/caseload").then().statusCode(400).body("errors.field", hasItem("peerId"));
        as("coordinator").get("/caseload?peerId=someone").then().statusCode(400)
                .body("errors.field", hasItem("peerId"));
        asPeer(peer).get("/caseload?peerId=" + UUID.randomUUID()).then().statusCode(404);
        asPeer(UUID.randomUUID()).get("/caseload").then().statusCode(200).body("clients", hasSize(0));
        as("peer-worker").get("/caseload").then().statusCode(403);
        as("commissioner").get("/caseload?peerId=" + peer).then().statusCode(403);
        as("referrer").get("/caseload?peerId=" + peer).then().statusCode(403);
    }

    @Test
    void theSummariesCountEachCaseloadAsTheCaseloadDoesInOneCallScopedLikeIt() {
        UUID busy = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        UUID unsupervised = UUID.randomUUID();
        UUID neverSeen = UUID.randomUUID();
        UUID seenToday = UUID.randomUUID();
        UUID missed = UUID.randomUUID();
        UUID inAGroup = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        publishMatch(neverSeen, busy, now().minusDays(20));
        publishMatch(seenToday, busy, now().minusDays(30));
        publishMatch(missed, busy, now().minusDays(5));
        publishMatch(inAGroup, busy, now().minusDays(40));
        publishMatch(elsewhere, unsupervised, now().minusDays(16));

        // seen today, the next session booked in a week; a session missed three days ago, whose planned next one
        // has passed; a group attended two days ago; a concern about the one never seen
        Map<String, Object> visit = session(seenToday, busy);
        String nextAt = asWritten(now().plusDays(7));
        visit.put("nextSessionAt", nextAt);
        recordOnceMatched(() -> asPeer(busy), visit);
        Map<String, Object> noShow = session(missed, busy, now().minusDays(3));
        noShow.put("attendance", "DID_NOT_ATTEND");
        noShow.put("nextSessionAt", now().minusDays(1).toString());
        recordOnceMatched(() -> asPeer(busy), noShow);
        raiseConcern(busy, neverSeen);
        attendGroupTwoDaysAgo(busy, inAGroup);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("coordinator")
                .get("/caseload?peerId=" + unsupervised).then().statusCode(200).body("clients", hasSize(1)));

        String supervisor = "sup-" + UUID.randomUUID();
        assignSupervisor(busy, supervisor).then().statusCode(200);
        assignSupervisor(quiet, supervisor).then().statusCode(200);

        // the supervisor's supervisees, each one, the one with clients out of contact first
        asSupervisor(supervisor).get("/caseload/summaries").then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items.peerId", contains(busy.toString(), quiet.toString()))
                .body("items[0].clients", equalTo(4))
                .body("items[0].outOfContact", equalTo(1))
                .body("items[0].noContactDays", equalTo(14))
                .body("items[0].nextSessionsOverdue", equalTo(1))
                .body("items[0].nextSessionAt", equalTo(nextAt))
                .body("items[0].openSafeguardingConcerns", equalTo(1))
                .body("items[1].clients", equalTo(0))
                .body("items[1].outOfContact", equalTo(0))
                .body("items[1].nextSessionAt", nullValue())
                .body(not(containsString(neverSeen.toString())));
        for (UUID peer : List.of(busy, quiet, unsupervised)) {
            assertAgreesWithTheCaseload(peer);
        }
        asSupervisor(supervisor).get("/caseload/summaries?size=1&page=1").then().statusCode(200)
                .body("total", equalTo(2)).body("items.peerId", contains(quiet.toString()));
        asSupervisor(supervisor).get("/caseload/summaries?peerId=" + quiet).then().statusCode(200)
                .body("items.peerId", contains(quiet.toString()));
        asSupervisor(supervisor).get("/caseload/summaries?peerId=" + unsupervised).then().statusCode(404)
                .contentType("application/problem+json");
        asSupervisor("sup-" + UUID.randomUUID()).get("/caseload/summaries").then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));

        // coordinators every peer working; a peer worker only themself
        as("coordinator").get("/caseload/summaries?size=200").then().statusCode(200)
                .body("items.peerId", hasItems(busy.toString(), quiet.toString(), unsupervised.toString()));
        as("admin").get("/caseload/summaries?peerId=" + unsupervised + "&peerId=" + quiet).then().statusCode(200)
                .body("items.peerId", contains(unsupervised.toString(), quiet.toString()));
        asPeer(busy).get("/caseload/summaries").then().statusCode(200)
                .body("items.peerId", contains(busy.toString())).body("items[0].clients", equalTo(4));
        asPeer(busy).get("/caseload/summaries?peerId=" + busy).then().statusCode(200).body("total", equalTo(1));
        asPeer(busy).get("/caseload/summaries?peerId=" + quiet).then().statusCode(404);
        UUID newcomer = UUID.randomUUID();
        asPeer(newcomer).get("/caseload/summaries").then().statusCode(200)
                .body("items.peerId", contains(newcomer.toString())).body("items[0].clients", equalTo(0));

        as("coordinator").get("/caseload/summaries?peerId=someone").then().statusCode(400)
                .body("errors.field", hasItem("peerId"));
        as("coordinator").get("/caseload/summaries?size=0").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        as("peer-worker").get("/caseload/summaries").then().statusCode(403);
        as("commissioner").get("/caseload/summaries").then().statusCode(403);
        as("referrer").get("/caseload/summaries").then().statusCode(403);
    }

    /** The peer's summary says what their caseload, client by client, adds up to. */
    /** A concern, not of immediate risk, raised by the person's peer. */
    private static void raiseConcern(UUID peer, UUID referral) {
        SessionTestSupport.awaitStatus(() -> asPeer(peer).body(Map.of("referralId", referral.toString(),
                "category", "SELF_NEGLECT", "description", "Not answering the door", "immediateRisk", false))
                .post("/safeguarding/concerns"), 201);
    }

    /** A meeting of a new group of the peer's, two days ago, that the person attended. */
    private static void attendGroupTwoDaysAgo(UUID peer, UUID referral) {
        String group = GroupApiTest.group(peer, 8);
        Map<String, Object> meeting = GroupApiTest.meeting(List.of(
                Map.of("referralId", referral.toString(), "attendance", "ATTENDED")));
        meeting.put("startedAt", now().minusDays(2).toString());
        SessionTestSupport.awaitStatus(() -> asPeer(peer).body(meeting).post("/groups/" + group + "/meetings"), 201);
    }

    private static void assertAgreesWithTheCaseload(UUID peer) {
        JsonPath caseload = as("coordinator").get("/caseload?peerId=" + peer).then().statusCode(200)
                .extract().jsonPath();
        JsonPath summary = as("coordinator").get("/caseload/summaries?peerId=" + peer).then().statusCode(200)
                .body("items", hasSize(1)).extract().jsonPath();
        List<Map<String, Object>> clients = caseload.getList("clients");
        assertEquals(clients.size(), summary.getLong("items[0].clients"), "clients of " + peer);
        assertEquals(caseload.getLong("flagged"), summary.getLong("items[0].outOfContact"), "flagged of " + peer);
        assertEquals(caseload.getInt("noContactDays"), summary.getInt("items[0].noContactDays"));
        assertEquals(clients.stream().filter(c -> (Boolean) c.get("nextSessionOverdue")).count(),
                summary.getLong("items[0].nextSessionsOverdue"), "overdue next sessions of " + peer);
        assertEquals(clients.stream().mapToLong(c -> ((Number) c.get("openSafeguardingConcerns")).longValue()).sum(),
                summary.getLong("items[0].openSafeguardingConcerns"), "open concerns of " + peer);
        assertEquals(clients.stream().filter(c -> !(Boolean) c.get("nextSessionOverdue"))
                        .map(c -> (String) c.get("nextSessionAt")).filter(Objects::nonNull)
                        .map(OffsetDateTime::parse).min(Comparator.naturalOrder()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(summary.getString("items[0].nextSessionAt")).map(OffsetDateTime::parse)
                        .map(OffsetDateTime::toInstant), "next session of " + peer);
    }
}
