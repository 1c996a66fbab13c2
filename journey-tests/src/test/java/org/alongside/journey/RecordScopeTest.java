package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.OUTCOMES;
import static org.alongside.journey.Suite.Service.REFERRAL;
import static org.alongside.journey.Suite.Service.SESSION;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Record scope across all four running services: a referrer sees their organisation's referrals only, a peer
 * worker their own clients only, a supervisor only the work of the peers they supervise, a commissioner aggregates
 * only. Another actor's record read by id answers 404 (or 403 where the role sees no such records at all).
 */
class RecordScopeTest {

    private final Suite suite = Suite.get();

    @Test
    void eachActorReadingAnothersRecordByIdIsRefusedInEveryService() {
        String supervisor = UUID.randomUUID().toString();
        String colleague = UUID.randomUUID().toString();
        Journeys.Supported person = Journeys.supported(suite, "Hesper", "9434765870", "195967001", "Asthma");
        // session-service assigns only a registered supervisor
        suite.as(SESSION, "admin").body(Map.of("displayName", "Supervisor", "email", "supervisor@trust.example",
                "active", true)).put("/supervisors/" + supervisor).then().statusCode(200);
        suite.as(SESSION, "coordinator").body(Map.of("supervisor", supervisor))
                .put("/peers/" + person.peerId() + "/supervisor").then().statusCode(200);
        // session-service assigns the supervisor; matching applies it from supervisor.assigned
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> supervisor.equals(
                suite.as(MATCHING, "coordinator").get("/peers/" + person.peerId()).path("supervisor")));
        String goal = suite.asPeer(SESSION, person.peerId()).body(Map.of("text", "Climb the stairs at work",
                "focus", "DAILY_MANAGEMENT")).post("/referrals/" + person.referralId() + "/goals").then()
                .statusCode(201).extract().path("id");
        UUID otherPeer = UUID.randomUUID();

        // referral-service: identity for the referring organisation, the peer supporting them, and coordinators
        suite.asReferrer(REFERRAL, Journeys.ODS).get("/referrals/" + person.referralId()).then().statusCode(200);
        suite.asPeer(REFERRAL, person.peerId()).get("/referrals/" + person.referralId()).then().statusCode(200);
        suite.asReferrer(REFERRAL, "Y12345").get("/referrals/" + person.referralId()).then().statusCode(404);
        suite.asReferrer(REFERRAL, "Y12345").get("/fhir/Task?focus=ServiceRequest/" + person.referralId()).then()
                .statusCode(404);
        suite.asPeer(REFERRAL, otherPeer).get("/referrals/" + person.referralId()).then().statusCode(404);
        // a supervisor sees who a person is only while a concern they are responsible for is open
        suite.asSupervisor(REFERRAL, supervisor).get("/referrals/" + person.referralId()).then().statusCode(404);
        suite.as(REFERRAL, "commissioner").get("/referrals/" + person.referralId()).then().statusCode(403);

        // matching-service: a peer's profile (their own lived experience) for them and their supervisor
        suite.asPeer(MATCHING, person.peerId()).get("/peers/" + person.peerId()).then().statusCode(200);
        suite.asSupervisor(MATCHING, supervisor).get("/peers/" + person.peerId()).then().statusCode(200);
        suite.asSupervisor(MATCHING, supervisor).get("/peers").then().statusCode(200)
                .body("items.id", contains(person.peerId().toString()));
        suite.asPeer(MATCHING, otherPeer).get("/peers/" + person.peerId()).then().statusCode(404);
        suite.asSupervisor(MATCHING, colleague).get("/peers/" + person.peerId()).then().statusCode(404);
        suite.as(MATCHING, "commissioner").get("/peers/" + person.peerId()).then().statusCode(403);

        // session-service: the peer's work for the peer and their supervisor, with the words
        String session = "/sessions/" + person.sessionId();
        suite.asSupervisor(SESSION, supervisor).get(session).then().statusCode(200)
                .body("notes", equalTo(Journeys.SESSION_NOTES));
        suite.asSupervisor(SESSION, supervisor).get("/goals/" + goal).then().statusCode(200);
        suite.asSupervisor(SESSION, supervisor).get("/caseload?peerId=" + person.peerId()).then().statusCode(200);
        for (String path : new String[] {session, session + "/versions", "/sessions?referralId=" + person.referralId(),
                "/goals/" + goal, "/referrals/" + person.referralId() + "/goals",
                "/referrals/" + person.referralId() + "/signposting", "/caseload?peerId=" + person.peerId()}) {
            suite.asPeer(SESSION, otherPeer).get(path).then().statusCode(404);
            suite.asSupervisor(SESSION, colleague).get(path).then().statusCode(404);
            suite.as(SESSION, "commissioner").get(path).then().statusCode(403);
            suite.as(SESSION, "referrer").get(path).then().statusCode(403);
        }

        // outcomes-service: a commissioner sees aggregates, no one's records
        suite.as(OUTCOMES, "commissioner").get("/dashboard/summary").then().statusCode(200);
        for (String role : new String[] {"commissioner", "coordinator", "supervisor", "peer-worker", "referrer"}) {
            suite.as(OUTCOMES, role).get("/referrals/" + person.referralId() + "/subject-access").then()
                    .statusCode(403);
        }
    }
}
