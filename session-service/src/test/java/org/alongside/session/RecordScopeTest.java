package org.alongside.session;

import static org.alongside.session.SessionTestSupport.assignSupervisor;
import static org.alongside.session.SessionTestSupport.NOTES;
import static org.alongside.session.SessionTestSupport.as;
import static org.alongside.session.SessionTestSupport.asPeer;
import static org.alongside.session.SessionTestSupport.asSupervisor;
import static org.alongside.session.SessionTestSupport.matchedWithSession;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.testing.AlongsideTestResource;
import org.junit.jupiter.api.Test;

/**
 * Record scope, read by id: a peer worker sees only their own clients' records, a supervisor only the work of the
 * peers assigned to them. Anything else answers 404, as if it did not exist.
 */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_session_test"))
class RecordScopeTest {

    @Test
    void aPeerWorkerReadingAnotherPeersClientsRecordsById404s() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        String session = matchedWithSession(referral, peer);
        String goal = asPeer(peer).body(Map.of("text", "Walk to the shop", "focus", "DAILY_MANAGEMENT"))
                .post("/referrals/" + referral + "/goals").then().statusCode(201).extract().path("id");
        UUID colleague = UUID.randomUUID();

        asPeer(colleague).get("/sessions/" + session).then().statusCode(404).contentType("application/problem+json");
        asPeer(colleague).get("/sessions/" + session + "/versions").then().statusCode(404);
        asPeer(colleague).get("/sessions?referralId=" + referral).then().statusCode(404);
        asPeer(colleague).get("/goals/" + goal).then().statusCode(404);
        asPeer(colleague).get("/referrals/" + referral + "/goals").then().statusCode(404);
        asPeer(colleague).get("/referrals/" + referral + "/signposting").then().statusCode(404);
        asPeer(colleague).get("/caseload?peerId=" + peer).then().statusCode(404);
        asPeer(colleague).get("/peers/" + peer + "/supervision").then().statusCode(404);
        asPeer(peer).get("/sessions/" + session).then().statusCode(200);
    }

    @Test
    void aSupervisorSeesOnlyTheirSuperviseesCaseloadsSessionsGoalsAndConcerns() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        String session = matchedWithSession(referral, peer);
        String goal = asPeer(peer).body(Map.of("text", "Join the choir", "focus", "COMMUNITY_CONNECTION"))
                .post("/referrals/" + referral + "/goals").then().statusCode(201).extract().path("id");
        String supervisor = "sup-" + UUID.randomUUID();
        String other = "sup-" + UUID.randomUUID();
        assignSupervisor(peer, supervisor).then()
                .statusCode(200);
        String concern = asPeer(peer).body(Map.of("referralId", referral.toString(), "category", "SELF_NEGLECT",
                "description", "Not eating", "immediateRisk", false)).post("/safeguarding/concerns").then()
                .statusCode(201).extract().path("id");

        // the assigned supervisor: everything of their peer's work, with the words
        asSupervisor(supervisor).get("/sessions/" + session).then().statusCode(200).body("notes", equalTo(NOTES));
        asSupervisor(supervisor).get("/sessions?referralId=" + referral).then().statusCode(200)
                .body("items.id", contains(session));
        asSupervisor(supervisor).get("/sessions/" + session + "/versions").then().statusCode(200);
        asSupervisor(supervisor).get("/goals/" + goal).then().statusCode(200).body("text", equalTo("Join the choir"));
        asSupervisor(supervisor).get("/referrals/" + referral + "/goals").then().statusCode(200);
        asSupervisor(supervisor).get("/referrals/" + referral + "/signposting").then().statusCode(200);
        asSupervisor(supervisor).get("/caseload?peerId=" + peer).then().statusCode(200)
                .body("clients.referralId", hasItem(referral.toString()));
        asSupervisor(supervisor).get("/safeguarding/concerns/" + concern).then().statusCode(200);
        asSupervisor(supervisor).get("/peers/" + peer + "/supervision").then().statusCode(200);

        // another supervisor: none of it, by id or in lists
        asSupervisor(other).get("/sessions/" + session).then().statusCode(404).contentType("application/problem+json");
        asSupervisor(other).get("/sessions/" + session + "/versions").then().statusCode(404);
        asSupervisor(other).get("/sessions?referralId=" + referral).then().statusCode(404);
        asSupervisor(other).get("/goals/" + goal).then().statusCode(404);
        asSupervisor(other).get("/referrals/" + referral + "/goals").then().statusCode(404);
        asSupervisor(other).get("/referrals/" + referral + "/signposting").then().statusCode(404);
        asSupervisor(other).get("/caseload?peerId=" + peer).then().statusCode(404);
        asSupervisor(other).get("/safeguarding/concerns/" + concern).then().statusCode(404);
        asSupervisor(other).get("/safeguarding/concerns").then().statusCode(200).body("items.id", not(hasItem(concern)));
        asSupervisor(other).get("/peers/" + peer + "/supervisor").then().statusCode(404);
        asSupervisor(other).get("/peers/" + peer + "/supervision").then().statusCode(404);
        asSupervisor(other).post("/safeguarding/concerns/" + concern + "/acknowledge").then().statusCode(404);

        // reassigned: the first supervisor's scope goes with the peer
        assignSupervisor(peer, other).then()
                .statusCode(200);
        asSupervisor(other).get("/sessions/" + session).then().statusCode(200);
        asSupervisor(supervisor).get("/sessions/" + session).then().statusCode(404);
        asSupervisor(supervisor).get("/caseload?peerId=" + peer).then().statusCode(404);
    }
}
