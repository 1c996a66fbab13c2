package org.alongside.outcomes;

import static org.alongside.outcomes.OutcomesTestSupport.accepted;
import static org.alongside.outcomes.OutcomesTestSupport.as;
import static org.alongside.outcomes.OutcomesTestSupport.at;
import static org.alongside.outcomes.OutcomesTestSupport.awaitCounts;
import static org.alongside.outcomes.OutcomesTestSupport.closed;
import static org.alongside.outcomes.OutcomesTestSupport.counts;
import static org.alongside.outcomes.OutcomesTestSupport.countsFor;
import static org.alongside.outcomes.OutcomesTestSupport.exactFigures;
import static org.alongside.outcomes.OutcomesTestSupport.matchAccepted;
import static org.alongside.outcomes.OutcomesTestSupport.received;
import static org.alongside.outcomes.OutcomesTestSupport.session;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.outcomes.measures.ProcessingRestrictions;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The person's rights in outcomes-service: the subject access export holds every row kept by their referral id, for
 * admins only; after a withdrawal of consent or erasure nothing new may be recorded about them (409), and erasure
 * leaves the commissioners' figures exactly as they were.
 */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_outcomes_dash_test"))
class PersonRightsTest {

    @Inject
    ProcessingRestrictions restrictions;

    @BeforeEach
    void countSingleReferrals() {
        exactFigures();
    }

    @Test
    void theSubjectAccessExportHoldsEveryRowKeptByReferralIdForAdminsOnly() {
        UUID referral = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        TestEvents.publish("referral.received", referral, received(referral, at("2023-03-01T09:00:00Z")));
        TestEvents.publish("session.recorded", referral, session(referral, session, UUID.randomUUID(),
                at("2023-03-08T10:00:00Z"), "ATTENDED", at("2023-03-08T11:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("admin")
                .get("/referrals/" + referral + "/subject-access").then().statusCode(200)
                .body("service", equalTo("outcomes-service"))
                .body("tables.referral_fact", hasSize(1))
                .body("tables.referral_fact[0].age_band", equalTo("65-74"))
                .body("tables.session_fact[0].session_id", equalTo(session.toString())));
        as("admin").get("/referrals/" + referral + "/subject-access").then()
                .body("tables", not(hasKey("audit_event"))).body("tables", not(hasKey("outbox")));
        as("admin").get("/referrals/" + UUID.randomUUID() + "/subject-access").then().statusCode(200)
                .body("tables.referral_fact", hasSize(0));
        for (String role : new String[] {"commissioner", "coordinator", "supervisor", "peer-worker", "referrer"}) {
            as(role).get("/referrals/" + referral + "/subject-access").then().statusCode(403);
        }
        as("admin").get("/audit?referralId=" + referral).then()
                .body("items.operation", hasItem("GET SubjectAccessResource.export"));
    }

    @Test
    void afterConsentIsWithdrawnOrRecordsErasedNothingNewIsRecordedAndTheFiguresStay() {
        LocalDate day = LocalDate.of(2022, 6, 14);
        UUID referral = UUID.randomUUID();
        TestEvents.publish("referral.received", referral, received(referral, at("2022-06-14T09:00:00Z")));
        TestEvents.publish("referral.accepted", referral, accepted(referral, at("2022-06-14T09:00:00Z"),
                at("2022-06-15T09:00:00Z")));
        TestEvents.publish("match.accepted", referral, matchAccepted(referral, UUID.randomUUID(),
                at("2022-06-20T09:00:00Z")));
        TestEvents.publish("session.recorded", referral, session(referral, UUID.randomUUID(), UUID.randomUUID(),
                at("2022-06-21T10:00:00Z"), "ATTENDED", at("2022-06-21T11:00:00Z")));
        TestEvents.publish("referral.closed", referral, closed(referral, at("2022-09-01T09:00:00Z")));
        Map<String, Long> figures = counts("referralsReceived", 1, "referralsAccepted", 1, "referralsMatched", 1,
                "referralsActive", 1, "referralsClosed", 1, "sessionsRecorded", 1, "sessionsAttended", 1);
        awaitCounts(day, figures);
        restrictions.requireMayRecord(referral);
        as("coordinator").contentType("application/json").body(gad7(referral, "BASELINE"))
                .post("/measurements").then().statusCode(201);

        TestEvents.publish("referral.consent-withdrawn", referral, Map.of("referralId", referral.toString(),
                "fromStatus", "CLOSED", "withdrawnAt", "2022-10-01T09:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> restrictions.requireMayRecord(referral));
            assertEquals(409, refused.status());
            assertEquals("https://alongside.example/problems/consent-withdrawn",
                    refused.toProblem("/measurements").type());
        });
        as("coordinator").contentType("application/json").body(gad7(referral, "FOLLOW_UP"))
                .post("/measurements").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://alongside.example/problems/consent-withdrawn"));

        TestEvents.publish("referral.erased", referral, Map.of("referralId", referral.toString(),
                "status", "CLOSED", "endedAt", "2022-09-01T09:00:00Z", "erasedAt", "2030-09-01T09:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("admin")
                .get("/referrals/" + referral + "/subject-access").then()
                .body("tables.processing_restriction[0].erased_at", notNullValue())
                .body("tables.measurement[0].answers", nullValue())
                .body("tables.measurement[0].score", notNullValue()));
        ProblemException refused = assertThrows(ProblemException.class, () -> restrictions.requireMayRecord(referral));
        assertEquals("https://alongside.example/problems/referral-erased", refused.toProblem("/").type());
        assertEquals(figures, countsFor(day, day), "erasure leaves the commissioners' figures as they were");
    }

    private static Map<String, Object> gad7(UUID referral, String timepoint) {
        return Map.of("referralId", referral.toString(), "instrument", "GAD7", "timepoint", timepoint,
                "completedAt", "2022-06-21T11:00:00Z", "answers", List.of(2, 2, 1, 1, 2, 1, 1));
    }
}
