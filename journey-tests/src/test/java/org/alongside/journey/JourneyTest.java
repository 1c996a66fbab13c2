package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.OUTCOMES;
import static org.alongside.journey.Suite.Service.REFERRAL;
import static org.alongside.journey.Suite.Service.SESSION;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A person's journey through all four services: referral, triage, proposals, choice, a session, the dashboard; and
 * the referring organisations' names, from FHIR and REST intake to the commissioner's breakdown.
 */
class JourneyTest {

    private final Suite suite = Suite.get();

    @Test
    void aReferralFlowsThroughEveryService() {
        JsonPath before = Journeys.summary(suite);
        UUID peer = Journeys.createPeer(suite, "709044004", "Chronic kidney disease", 3);

        String referralId = Journeys.refer(suite,
                Journeys.referral("Marguerite", "9434765919", "BD7 1DP", "709044004", "Chronic kidney disease"));
        assertEquals("RECEIVED", Journeys.status(suite, referralId));
        Journeys.accept(suite, referralId);

        // matching proposes peers within a second or so of acceptance, with reasons people can read
        await().atMost(Duration.ofSeconds(20)).until(() -> Journeys.proposalsStatus(suite, referralId) == 200
                && !Journeys.proposals(suite, referralId).getList("proposals").isEmpty());
        JsonPath proposals = Journeys.proposals(suite, referralId);
        assertEquals(peer.toString(), proposals.getString("proposals[0].peerId"));
        List<String> reasons = proposals.getList("proposals[0].reasons.detail");
        assertTrue(reasons.stream().anyMatch(r -> r.toLowerCase().contains("kidney")), "reasons: " + reasons);
        String proposalId = proposals.getString("proposals[0].id");

        suite.as(MATCHING, "coordinator").post("/proposals/" + proposalId + "/accept").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "MATCHED".equals(Journeys.status(suite, referralId)));

        // the matched peer worker records the first session once session-service has learned the match
        Map<String, Object> session = Map.of(
                "referralId", referralId, "peerId", peer.toString(),
                "startedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString(),
                "durationMinutes", 45, "medium", "IN_PERSON", "attendance", "ATTENDED",
                "focus", List.of("EMOTIONAL_SUPPORT", "DAILY_MANAGEMENT"),
                "notes", "Talked about dialysis days and how tiring they are");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> suite.asPeer(SESSION, peer).body(session).post("/sessions").statusCode() == 201);
        await().atMost(Duration.ofSeconds(20)).until(() -> "ACTIVE".equals(Journeys.status(suite, referralId)));

        // the commissioner sees the journey in the counts, built only from events
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath after = Journeys.summary(suite);
            for (String count : List.of("referralsReceived", "referralsAccepted", "referralsMatched",
                    "referralsActive", "sessionsAttended")) {
                assertEquals(before.getInt(count) + 1, after.getInt(count), count);
            }
        });
        String dashboard = suite.as(OUTCOMES, "commissioner").get("/dashboard/summary").asString();
        assertFalse(dashboard.contains(referralId), "the dashboard shows aggregates only");
    }

    @Test
    void commissionersSeeReferringOrganisationsByTheNamesTheReferralsCarried() {
        String practice = "J" + (10000 + new Random().nextInt(90000));
        String linkWorkers = "K" + (10000 + new Random().nextInt(90000));
        // a GP system refers over FHIR, its Organization contained beside the request
        String serviceRequest = """
                {"resourceType": "ServiceRequest",
                 "contained": [
                   {"resourceType": "Organization", "id": "o1",
                    "identifier": [{"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "%s"}],
                    "name": "Moorside Surgery"},
                   {"resourceType": "Patient", "id": "p1",
                    "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%s"}],
                    "name": [{"family": "Journey", "given": ["Nadia"]}], "gender": "female",
                    "birthDate": "1971-05-06", "address": [{"postalCode": "HX1 2AB"}]},
                   {"resourceType": "Condition", "id": "c1", "subject": {"reference": "#p1"},
                    "code": {"coding": [{"system": "http://snomed.info/sct", "code": "13645005",
                                         "display": "Chronic obstructive lung disease"}]}}],
                 "status": "active", "intent": "order", "subject": {"reference": "#p1"},
                 "requester": {"reference": "#o1"}, "reasonReference": [{"reference": "#c1"}],
                 "note": [{"text": "Would like to meet someone else managing COPD"}]}
                """.formatted(practice, NhsNumbers.next());
        suite.asReferrer(REFERRAL, practice).contentType("application/fhir+json").body(serviceRequest)
                .post("/fhir/ServiceRequest").then().statusCode(201);
        // a link worker refers through the REST API, naming their organisation
        Map<String, Object> referral = new HashMap<>(Journeys.referral("Ifeoma", NhsNumbers.next(), "HX3 5AX",
                "44054006", "Type 2 diabetes mellitus"));
        referral.put("referrer", Map.of("type", "LINK_WORKER", "odsCode", linkWorkers,
                "organisationName", "Calder Valley Connectors", "name", "Jo Ashworth"));
        suite.as(REFERRAL, "coordinator").body(referral).post("/referrals").then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath summary = suite.as(OUTCOMES, "commissioner").queryParam("groupBy", "referrerOrganisation")
                    .get("/dashboard/summary").then().statusCode(200).extract().jsonPath();
            assertEquals("Moorside Surgery", summary.getString(
                    "referrals.byReferrerOrganisation.find { it.key == '" + practice + "' }.label"));
            assertEquals("Calder Valley Connectors", summary.getString(
                    "breakdown.rows.find { it.key == '" + linkWorkers + "' }.label"));
        });
        String csv = suite.as(OUTCOMES, "commissioner").queryParam("groupBy", "referrerOrganisation")
                .get("/dashboard/summary.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.contains("\r\nreferralsByReferrerOrganisation," + practice + ",Moorside Surgery,referrals,1\r\n"),
                csv);
        assertTrue(csv.contains("\r\nbreakdown.referrerOrganisation," + linkWorkers
                + ",Calder Valley Connectors,referralsReceived,1\r\n"), csv);
        assertFalse(csv.contains("Jo Ashworth"), "the link worker is a person, not an organisation");
    }

    @Test
    void rolesAndScopeHoldAcrossServices() {
        suite.anonymous(REFERRAL).get("/referrals").then().statusCode(401);
        suite.anonymous(MATCHING).get("/peers").then().statusCode(401);
        suite.anonymous(SESSION).get("/sessions").then().statusCode(401);
        suite.anonymous(OUTCOMES).get("/dashboard/summary").then().statusCode(401);
        suite.as(OUTCOMES, "peer-worker").get("/dashboard/summary").then().statusCode(403);
        suite.as(MATCHING, "referrer").get("/peers").then().statusCode(403);

        String referralId = Journeys.refer(suite,
                Journeys.referral("Tomasz", "9434765919", "LS6 2AB", "44054006", "Type 2 diabetes mellitus"));
        suite.bearer(REFERRAL, org.alongside.platform.testing.Tokens.referrer("Y99999"))
                .get("/referrals/" + referralId).then().statusCode(404);
        suite.asPeer(REFERRAL, UUID.randomUUID()).get("/referrals/" + referralId).then().statusCode(404);
    }
}
