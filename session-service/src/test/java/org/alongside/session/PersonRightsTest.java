package org.alongside.session;

import static org.alongside.session.SessionTestSupport.NOTES;
import static org.alongside.session.SessionTestSupport.as;
import static org.alongside.session.SessionTestSupport.asPeer;
import static org.alongside.session.SessionTestSupport.matchedWithSession;
import static org.alongside.session.SessionTestSupport.now;
import static org.alongside.session.SessionTestSupport.publishReferralWithdrawn;
import static org.alongside.session.SessionTestSupport.session;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.Databases;
import org.alongside.platform.testing.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * The person's rights in session-service: a subject access export of everything held; a withdrawal of consent
 * stops anything new being recorded (409 consent-withdrawn) but not a safeguarding concern; erasure at the end of
 * the retention period removes every free text and keeps the coded rows the counts need.
 */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_session_test"))
class PersonRightsTest {

    private static final String GOAL = "Get back to the allotment by spring";

    @Test
    void theSubjectAccessExportHoldsEverythingWithItsWordsForAdminsOnly() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        String session = matchedWithSession(referral, peer);
        asPeer(peer).body(Map.of("text", GOAL, "focus", "DAILY_MANAGEMENT")).post("/referrals/" + referral + "/goals")
                .then().statusCode(201);
        asPeer(peer).body(Map.of("name", "Hyde Park walking group", "category", "PHYSICAL_ACTIVITY"))
                .post("/referrals/" + referral + "/signposting").then().statusCode(201);
        asPeer(peer).body(Map.of("referralId", referral.toString(), "category", "SELF_NEGLECT",
                "description", "Fridge empty again", "immediateRisk", false)).post("/safeguarding/concerns").then()
                .statusCode(201);

        as("admin").get("/referrals/" + referral + "/subject-access").then().statusCode(200)
                .body("service", equalTo("session-service"))
                .body("referralId", equalTo(referral.toString()))
                .body("generatedBy", equalTo("test-admin@alongside.local"))
                .body("matches.peerId", hasItem(peer.toString()))
                .body("sessions[0].session.id", equalTo(session))
                .body("sessions[0].session.notes", equalTo(NOTES))
                .body("sessions[0].versions[0].notes", equalTo(NOTES))
                .body("goals[0].text", equalTo(GOAL))
                .body("signposting[0].name", equalTo("Hyde Park walking group"))
                .body("safeguardingConcerns[0].description", equalTo("Fridge empty again"));
        // a referral never heard of: nothing held, said plainly
        as("admin").get("/referrals/" + UUID.randomUUID() + "/subject-access").then().statusCode(200)
                .body("sessions", hasSize(0)).body("referral", nullValue());
        for (String role : new String[] {"coordinator", "supervisor", "peer-worker", "referrer", "commissioner"}) {
            as(role).get("/referrals/" + referral + "/subject-access").then().statusCode(403);
        }
        // the export is in the audit trail, by person
        as("admin").get("/audit?referralId=" + referral).then().statusCode(200)
                .body("items.operation", hasItem("GET SubjectAccessResource.export"));
    }

    @Test
    void afterConsentIsWithdrawnNothingNewIsRecordedButASafeguardingConcernStillIs() {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        String session = matchedWithSession(referral, peer);
        String goal = asPeer(peer).body(Map.of("text", GOAL, "focus", "DAILY_MANAGEMENT"))
                .post("/referrals/" + referral + "/goals").then().statusCode(201).extract().path("id");

        publishReferralWithdrawn(referral, now().minusMinutes(30));
        TestEvents.publish("referral.consent-withdrawn", referral, Map.of("referralId", referral.toString(),
                "fromStatus", "ACTIVE", "withdrawnAt", now().minusMinutes(30).toString()));

        awaitRecorded(referral, "referral.consentWithdrawnAt");
        // a coordinator catching up on a session held before the withdrawal: refused, and says why
        as("coordinator").body(session(referral, peer, now().minusHours(2))).post("/sessions")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://alongside.example/problems/consent-withdrawn"))
                .body("detail", containsString("withdrew their consent"));
        as("coordinator").body(Map.of("text", "x", "focus", "DAILY_MANAGEMENT"))
                .post("/referrals/" + referral + "/goals").then().statusCode(409)
                .body("type", equalTo("https://alongside.example/problems/consent-withdrawn"));
        as("coordinator").body(Map.of("rating", 4)).post("/goals/" + goal + "/progress").then().statusCode(409);
        as("coordinator").body(Map.of("name", "Choir", "category", "ARTS_AND_CREATIVITY"))
                .post("/referrals/" + referral + "/signposting").then().statusCode(409);
        as("coordinator").body(Map.of("startedAt", now().minusHours(3).toString(), "durationMinutes", 30,
                        "medium", "TELEPHONE", "attendance", "ATTENDED", "focus", java.util.List.of("ONGOING_SUPPORT")))
                .put("/sessions/" + session).then().statusCode(409);

        // the duty of care and the accuracy of the record outlast consent
        as("coordinator").body(Map.of("referralId", referral.toString(), "category", "DOMESTIC_ABUSE",
                "description", "Neighbour called about shouting", "immediateRisk", true))
                .post("/safeguarding/concerns").then().statusCode(201);
        as("coordinator").body(Map.of("reason", "Recorded against the wrong person"))
                .post("/sessions/" + session + "/entered-in-error").then().statusCode(200);
        // what was recorded before stays readable
        asPeer(peer).get("/sessions/" + session).then().statusCode(404);
        as("coordinator").get("/sessions/" + session).then().statusCode(200).body("notes", equalTo(NOTES));
        as("admin").get("/referrals/" + referral + "/subject-access").then()
                .body("referral.consentWithdrawnAt", notNullValue());
    }

    @Test
    void erasureRemovesEveryFreeTextAndKeepsTheCodedRows() throws Exception {
        UUID referral = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        String session = matchedWithSession(referral, peer);
        asPeer(peer).body(Map.of("durationMinutes", 45, "startedAt", now().minusHours(2).toString(),
                        "medium", "IN_PERSON", "attendance", "ATTENDED", "focus", java.util.List.of("DAILY_MANAGEMENT"),
                        "notes", "Second version of the notes", "reason", "Wrong length"))
                .put("/sessions/" + session).then().statusCode(200);
        String goal = asPeer(peer).body(Map.of("text", GOAL, "focus", "DAILY_MANAGEMENT", "rating", 4))
                .post("/referrals/" + referral + "/goals").then().statusCode(201).extract().path("id");
        asPeer(peer).body(Map.of("name", "Hyde Park walking group", "category", "PHYSICAL_ACTIVITY"))
                .post("/referrals/" + referral + "/signposting").then().statusCode(201);
        String concern = asPeer(peer).body(Map.of("referralId", referral.toString(), "category", "SELF_NEGLECT",
                "description", "Fridge empty again", "immediateRisk", false)).post("/safeguarding/concerns").then()
                .statusCode(201).extract().path("id");
        int[] before = counts(referral);

        TestEvents.publish("referral.closed", referral, Map.of("referralId", referral.toString(),
                "reason", "GOALS_MET", "closedAt", now().minusMinutes(5).toString()));
        TestEvents.publish("referral.erased", referral, Map.of("referralId", referral.toString(),
                "erasedAt", now().toString()));

        awaitRecorded(referral, "referral.erasedAt");
        as("coordinator").body(Map.of("referralId", referral.toString(), "category", "OTHER",
                "description", "x", "immediateRisk", false)).post("/safeguarding/concerns").then().statusCode(409)
                .body("type", equalTo("https://alongside.example/problems/referral-erased"));
        as("coordinator").get("/sessions/" + session).then().statusCode(200)
                .body("notes", nullValue()).body("attendance", equalTo("ATTENDED")).body("version", equalTo(2));
        as("coordinator").get("/sessions/" + session + "/versions").then().statusCode(200)
                .body("items", hasSize(2)).body("items.findAll { it.notes != null }", hasSize(0));
        as("coordinator").get("/goals/" + goal).then().statusCode(200).body("text", nullValue())
                .body("latestRating", equalTo(4));
        as("coordinator").get("/referrals/" + referral + "/signposting").then()
                .body("items[0].name", nullValue()).body("items[0].category", equalTo("PHYSICAL_ACTIVITY"));
        as("coordinator").get("/safeguarding/concerns/" + concern).then().body("description", nullValue())
                .body("category", equalTo("SELF_NEGLECT"));
        as("admin").get("/referrals/" + referral + "/subject-access").then().body("referral.erasedAt", notNullValue());

        // every coded row is still there, so the counts built on them stay the same
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(counts(referral)));
        try (Connection db = db(); Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM support_session_version v JOIN support_session"
                     + " s ON s.id = v.session_id WHERE s.referral_id = '" + referral + "' AND (v.notes IS NOT NULL"
                     + " OR v.change_reason IS NOT NULL OR s.notes IS NOT NULL)")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "no note or change reason survives erasure");
        }
        as("admin").get("/audit?referralId=" + referral).then()
                .body("items.action", hasItem("ERASE")).body("items.actor", hasItem("system"));
    }

    /** Waits until session-service has applied the event that sets this field of its subject access export. */
    private static void awaitRecorded(UUID referral, String field) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                as("admin").get("/referrals/" + referral + "/subject-access").then().body(field, notNullValue()));
    }

    private static int[] counts(UUID referral) throws Exception {
        String[] tables = {"support_session", "goal", "signposting", "safeguarding_concern"};
        int[] counts = new int[tables.length + 1];
        try (Connection db = db(); Statement statement = db.createStatement()) {
            for (int i = 0; i < tables.length; i++) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + tables[i]
                        + " WHERE referral_id = '" + referral + "'")) {
                    rs.next();
                    counts[i] = rs.getInt(1);
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM goal_progress p JOIN goal g"
                    + " ON g.id = p.goal_id WHERE g.referral_id = '" + referral + "'")) {
                rs.next();
                counts[tables.length] = rs.getInt(1);
            }
        }
        return counts;
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(Databases.jdbcUrl(Databases.testName("alongside_session_test")),
                Databases.USER, "");
    }
}
