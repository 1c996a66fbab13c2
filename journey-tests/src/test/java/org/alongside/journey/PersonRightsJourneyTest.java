package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.OUTCOMES;
import static org.alongside.journey.Suite.Service.REFERRAL;
import static org.alongside.journey.Suite.Service.SESSION;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The person's rights across the running suite: a subject access export holding their data from all four services;
 * a withdrawal of consent that every service acts on; erasure at the end of the retention period (this suite keeps
 * records five seconds) that leaves the commissioners' figures exactly as they were.
 */
class PersonRightsJourneyTest {

    private final Suite suite = Suite.get();

    @Test
    void theSubjectAccessExportHoldsThePersonsDataFromAllFourServices() {
        Journeys.Supported person = Journeys.supported(suite, "Ottoline", "9434765862", "49436004",
                "Atrial fibrillation");
        suite.asPeer(SESSION, person.peerId()).body(Map.of("text", "Dance at my granddaughter's wedding",
                "focus", "EMOTIONAL_SUPPORT")).post("/referrals/" + person.referralId() + "/goals").then()
                .statusCode(201);
        // outcomes-service learns of the person from events; wait until its part holds them
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> suite.as(OUTCOMES, "admin")
                .get("/referrals/" + person.referralId() + "/subject-access").then()
                .body("tables.referral_fact[0].first_attended_at", notNullValue()));

        suite.as(REFERRAL, "admin").get("/referrals/" + person.referralId() + "/subject-access-export").then()
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("services.referral-service.referral.person.givenName", equalTo("Ottoline"))
                .body("services.referral-service.referral.person.nhsNumber", equalTo("9434765862"))
                .body("services.referral-service.history.toStatus", hasItem("ACTIVE"))
                .body("services.matching-service.referral.conditions[0].snomedCode", equalTo("49436004"))
                .body("services.matching-service.proposals.peerId", hasItem(person.peerId().toString()))
                .body("services.session-service.sessions[0].session.notes", equalTo(Journeys.SESSION_NOTES))
                .body("services.session-service.goals[0].text", equalTo("Dance at my granddaughter's wedding"))
                .body("services.outcomes-service.tables.referral_fact[0].referral_id", equalTo(person.referralId()))
                .body("services.outcomes-service.tables.session_fact", hasSize(1));
        suite.as(REFERRAL, "coordinator").get("/referrals/" + person.referralId() + "/subject-access-export").then()
                .statusCode(403);
        // every service records the access, by person, under the admin who asked
        for (Suite.Service service : Suite.Service.values()) {
            suite.as(service, "admin").get("/audit?referralId=" + person.referralId()).then().statusCode(200)
                    .body("items.find { it.operation.contains('SubjectAccessResource') }.actor",
                            equalTo("test-admin@alongside.local"));
        }
    }

    @Test
    void aWithdrawalOfConsentStopsEveryServiceProcessingThePerson() {
        Journeys.Supported person = Journeys.supported(suite, "Perpetua", "9434765854", "38341003",
                "Hypertensive disorder");
        String id = person.referralId();

        suite.asReferrer(REFERRAL, Journeys.ODS).body(Map.of("note", "She rang the surgery"))
                .post("/referrals/" + id + "/consent-withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("statusReason", equalTo("CONSENT_WITHDRAWN"));

        // matching: the match ends, the peer's place is free, nothing more is proposed
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> suite.as(MATCHING, "admin")
                .get("/referrals/" + id + "/subject-access").then()
                .body("referral.status", equalTo("ENDED"))
                .body("proposals.findAll { it.status == 'PROPOSED' }", hasSize(0)));
        suite.as(MATCHING, "coordinator").get("/peers/" + person.peerId()).then().body("activeClients", equalTo(0));
        // session-service: nothing new, even from a coordinator catching up on an earlier session
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> suite.as(SESSION, "admin")
                .get("/referrals/" + id + "/subject-access").then().body("referral.consentWithdrawnAt", notNullValue()));
        Map<String, Object> earlier = Map.of("referralId", id, "peerId", person.peerId().toString(),
                "startedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).toString(), "durationMinutes", 30,
                "medium", "TELEPHONE", "attendance", "ATTENDED", "focus", List.of("ONGOING_SUPPORT"));
        suite.as(SESSION, "coordinator").body(earlier).post("/sessions").then().statusCode(409)
                .body("type", equalTo("https://alongside.example/problems/consent-withdrawn"));
        suite.asPeer(SESSION, person.peerId()).body(earlier).post("/sessions").then().statusCode(409);
        suite.as(SESSION, "coordinator").body(Map.of("text", "x", "focus", "DAILY_MANAGEMENT"))
                .post("/referrals/" + id + "/goals").then().statusCode(409)
                .body("type", equalTo("https://alongside.example/problems/consent-withdrawn"));
        // ...but a safeguarding concern can still be raised
        suite.as(SESSION, "coordinator").body(Map.of("referralId", id, "category", "OTHER",
                "description", "Worried after her call", "immediateRisk", false))
                .post("/safeguarding/concerns").then().statusCode(201);
        // outcomes: the person is marked so nothing new is recorded about them
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> suite.as(OUTCOMES, "admin")
                .get("/referrals/" + id + "/subject-access").then()
                .body("tables.processing_restriction[0].consent_withdrawn_at", notNullValue())
                .body("tables.referral_fact[0].withdraw_reason", equalTo("CONSENT_WITHDRAWN")));
    }

    @Test
    void erasureAfterTheRetentionPeriodRemovesIdentityAndTextEverywhereAndKeepsTheFigures() throws Exception {
        Journeys.Supported person = Journeys.supported(suite, "Quintessa", "9434765846", "13645005",
                "Chronic obstructive lung disease");
        String id = person.referralId();
        String goal = suite.asPeer(SESSION, person.peerId()).body(Map.of("text", "Walk to the post box",
                "focus", "DAILY_MANAGEMENT")).post("/referrals/" + id + "/goals").then().statusCode(201)
                .extract().path("id");
        suite.as(REFERRAL, "coordinator").body(Map.of("reason", "GOALS_MET", "note", "Off to the walking group"))
                .post("/referrals/" + id + "/close").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> suite.as(OUTCOMES, "admin")
                .get("/referrals/" + id + "/subject-access").then()
                .body("tables.referral_fact[0].closed_at", notNullValue()));
        Map<String, Object> before = figures();

        Thread.sleep(Duration.parse(Suite.RETENTION).toMillis() + 500);
        suite.as(REFERRAL, "admin").post("/retention/sweeps").then().statusCode(200).body("erased", hasItem(id));

        suite.as(REFERRAL, "coordinator").get("/referrals/" + id).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("erasedAt", notNullValue())
                .body("person.familyName", nullValue()).body("person.nhsNumber", nullValue())
                .body("person.birthDate", nullValue()).body("reason", nullValue())
                .body("ageBand", notNullValue()).body("locality", equalTo("LS6"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> suite.as(SESSION, "coordinator")
                .get("/sessions/" + person.sessionId()).then().statusCode(200).body("notes", nullValue()));
        suite.as(SESSION, "coordinator").get("/goals/" + goal).then().body("text", nullValue());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> suite.as(MATCHING, "admin")
                .get("/referrals/" + id + "/subject-access").then().body("referral.erasedAt", notNullValue())
                .body("referral.conditions", hasSize(0)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> suite.as(OUTCOMES, "admin")
                .get("/referrals/" + id + "/subject-access").then()
                .body("tables.processing_restriction[0].erased_at", notNullValue()));

        assertEquals(before, figures(), "the commissioners' figures are the same after erasure");
        // the export after erasure: what remains, without identity
        suite.as(REFERRAL, "admin").get("/referrals/" + id + "/subject-access-export").then().statusCode(200)
                .body("services.referral-service.referral.person.givenName", nullValue())
                .body("services.session-service.sessions[0].session.notes", nullValue());
    }

    /** The dashboard's figures, without the time they were read. */
    private Map<String, Object> figures() {
        Map<String, Object> summary = new java.util.TreeMap<>(suite.as(OUTCOMES, "commissioner")
                .get("/dashboard/summary").then().statusCode(200).extract().jsonPath().getMap("$"));
        summary.remove("generatedAt");
        return summary;
    }
}
