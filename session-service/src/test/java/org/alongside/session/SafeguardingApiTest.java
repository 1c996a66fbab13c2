package org.alongside.session;

import static org.alongside.session.SessionTestSupport.assignSupervisor;
import static org.alongside.session.SessionTestSupport.as;
import static org.alongside.session.SessionTestSupport.asPeer;
import static org.alongside.session.SessionTestSupport.asSupervisor;
import static org.alongside.session.SessionTestSupport.matchedWithSession;
import static org.alongside.session.SessionTestSupport.session;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.testing.AlongsideTestResource;
import org.junit.jupiter.api.Test;

/** A concern goes from the peer to their supervisor's worklist, is acknowledged in time, and closed with an action. */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_session_test"))
class SafeguardingApiTest {

    @Test
    void aSupervisorSeesTheirPeersConcernAcknowledgesItAndClosesItWithTheActionTaken() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        String supervisor = "sup-" + UUID.randomUUID();
        String colleague = "sup-" + UUID.randomUUID();
        matchedWithSession(referral, peer);
        assignSupervisor(peer, supervisor).then()
                .statusCode(200);

        Map<String, Object> body = session(referral, peer);
        body.put("safeguardingConcern", Map.of("category", "DOMESTIC_ABUSE",
                "description", "Bruising on her arm; partner answered for her", "immediateRisk", false));
        String concern = asPeer(peer).body(body).post("/sessions").then().statusCode(201).extract()
                .path("safeguardingConcernIds[0]");

        String deadline = asSupervisor(supervisor).get("/safeguarding/concerns?status=OPEN").then().statusCode(200)
                .body("items.id", hasItem(concern))
                .body("items.find { it.id == '" + concern + "' }.description", containsString("Bruising"))
                .body("items.find { it.id == '" + concern + "' }.overdue", equalTo(false))
                .extract().path("items.find { it.id == '" + concern + "' }.acknowledgeBy");
        assertTrue(OffsetDateTime.parse(deadline).isAfter(OffsetDateTime.now().plusHours(12)),
                "a concern without immediate risk has a working day: " + deadline);
        // another supervisor's peers are not theirs to see
        asSupervisor(colleague).get("/safeguarding/concerns").then().statusCode(200)
                .body("items.id", not(hasItem(concern)));
        asSupervisor(colleague).post("/safeguarding/concerns/" + concern + "/acknowledge").then().statusCode(404);

        asSupervisor(supervisor).body(Map.of("actionTaken", "Referred to adult social care"))
                .post("/safeguarding/concerns/" + concern + "/close").then().statusCode(409)
                .body("detail", containsString("must be acknowledged"));
        asSupervisor(supervisor).post("/safeguarding/concerns/" + concern + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo(supervisor + "@alongside.local"))
                .body("acknowledgedLate", equalTo(false));
        asSupervisor(supervisor).post("/safeguarding/concerns/" + concern + "/acknowledge").then().statusCode(409);
        asSupervisor(supervisor).body(Map.of("actionTaken", " ")).post("/safeguarding/concerns/" + concern + "/close")
                .then().statusCode(400).body("errors.field", hasItem("actionTaken"));
        asSupervisor(supervisor).body(Map.of()).post("/safeguarding/concerns/" + concern + "/close")
                .then().statusCode(400).body("errors.field", hasItem("actionTaken"));
        asSupervisor(supervisor).body(Map.of("actionTaken", "Referred to adult social care; GP informed"))
                .post("/safeguarding/concerns/" + concern + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("actionTaken", containsString("adult social care"));

        asSupervisor(supervisor).get("/safeguarding/concerns").then().body("items.id", not(hasItem(concern)));
        asSupervisor(supervisor).get("/safeguarding/concerns?status=CLOSED").then().body("items.id", hasItem(concern));
        // the peer follows what happened to their concern; admins see it, not its words
        asPeer(peer).get("/safeguarding/concerns/" + concern).then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        as("admin").get("/safeguarding/concerns/" + concern).then().statusCode(200)
                .body("$", not(hasKey("description"))).body("$", not(hasKey("actionTaken")));
        asPeer(UUID.randomUUID()).get("/safeguarding/concerns/" + concern).then().statusCode(404);
    }

    @Test
    void anImmediateRiskNotAcknowledgedInTimeShowsOverdueFirst() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        matchedWithSession(referral, peer);
        String routine = asPeer(peer).body(Map.of("referralId", referral.toString(), "category", "SELF_NEGLECT",
                "description", "Flat very cold, heating off", "immediateRisk", false))
                .post("/safeguarding/concerns").then().statusCode(201)
                .body("peerId", equalTo(peer.toString())).body("sessionId", equalTo(null)).extract().path("id");
        String urgent = asPeer(peer).body(Map.of("referralId", referral.toString(),
                "category", "SELF_HARM_OR_SUICIDE_RISK", "description", "Talked about ending it tonight",
                "immediateRisk", true)).post("/safeguarding/concerns").then().statusCode(201).extract().path("id");

        // the test profile gives an immediate risk two seconds (an hour in production)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                as("coordinator").get("/safeguarding/concerns?overdue=true&referralId=" + referral).then()
                        .statusCode(200).body("items.id", org.hamcrest.Matchers.contains(urgent)));
        List<String> worklist = as("coordinator").get("/safeguarding/concerns?referralId=" + referral).then()
                .extract().path("items.id");
        assertEquals(List.of(urgent, routine), worklist, "overdue comes first");

        // a peer without a supervisor: every supervisor sees the concern, so it cannot wait unseen
        asSupervisor("sup-" + UUID.randomUUID()).get("/safeguarding/concerns?referralId=" + referral).then()
                .body("items.id", hasItem(urgent)).body("items.find { it.id == '" + urgent + "' }.description",
                        containsString("ending it"));
        as("coordinator").post("/safeguarding/concerns/" + urgent + "/acknowledge").then().statusCode(200)
                .body("acknowledgedLate", equalTo(true)).body("overdue", equalTo(false));
    }

    @Test
    void concernsNeedAKnownCategoryTheirWordsAndAClientOfTheirOwn() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        matchedWithSession(referral, peer);
        Map<String, Object> ok = Map.of("referralId", referral.toString(), "category", "OTHER",
                "description", "x", "immediateRisk", false);

        asPeer(UUID.randomUUID()).body(ok).post("/safeguarding/concerns").then().statusCode(404);
        as("coordinator").body(Map.of("referralId", UUID.randomUUID().toString(), "category", "OTHER",
                "description", "x", "immediateRisk", false)).post("/safeguarding/concerns").then().statusCode(404);
        asPeer(peer).body(Map.of("referralId", referral.toString(), "category", "RUMOUR", "description", "x",
                "immediateRisk", false)).post("/safeguarding/concerns").then().statusCode(400)
                .body("errors.field", hasItem("category"));
        asPeer(peer).body(Map.of("referralId", referral.toString(), "category", "OTHER", "description", "x"))
                .post("/safeguarding/concerns").then().statusCode(400).body("errors.field", hasItem("immediateRisk"));
        asPeer(peer).body(Map.of("referralId", referral.toString(), "category", "OTHER", "description",
                "x".repeat(4001), "immediateRisk", false)).post("/safeguarding/concerns").then().statusCode(400)
                .body("errors.field", hasItem("description"));
        as("supervisor").body(ok).post("/safeguarding/concerns").then().statusCode(403);
        as("commissioner").get("/safeguarding/concerns").then().statusCode(403);
        as("coordinator").get("/safeguarding/concerns?status=MAYBE").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        as("coordinator").get("/safeguarding/concerns?overdue=perhaps").then().statusCode(400)
                .body("errors.field", hasItem("overdue"));
        as("coordinator").get("/safeguarding/concerns?referralId=nope").then().statusCode(400)
                .body("errors.field", hasItem("referralId"));
        asPeer(peer).post("/safeguarding/concerns/" + UUID.randomUUID() + "/acknowledge").then().statusCode(403);
        as("coordinator").post("/safeguarding/concerns/" + UUID.randomUUID() + "/acknowledge").then().statusCode(404);

        List<?> none = as("coordinator").get("/safeguarding/concerns?referralId=" + referral).then().statusCode(200)
                .extract().path("items");
        assertFalse(none.iterator().hasNext(), "refused concerns write nothing");

        // a coordinator raises one on behalf of the peer who supports the person now
        as("coordinator").body(ok).post("/safeguarding/concerns").then().statusCode(201)
                .body("peerId", equalTo(peer.toString())).body("raisedBy", equalTo("test-coordinator@alongside.local"));
    }
}
