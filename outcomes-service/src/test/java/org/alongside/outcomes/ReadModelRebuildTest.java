package org.alongside.outcomes;

import static org.alongside.outcomes.OutcomesTestSupport.as;
import static org.alongside.outcomes.OutcomesTestSupport.at;
import static org.alongside.outcomes.OutcomesTestSupport.awaitConsumerCaughtUp;
import static org.alongside.outcomes.OutcomesTestSupport.exactFigures;
import static org.alongside.outcomes.OutcomesTestSupport.outcome;
import static org.alongside.outcomes.OutcomesTestSupport.publish;
import static org.alongside.outcomes.OutcomesTestSupport.received;
import static org.alongside.outcomes.OutcomesTestSupport.session;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.events.matches.MatchAccepted;
import org.alongside.platform.events.matches.MatchEndedV2;
import org.alongside.platform.events.referrals.Condition;
import org.alongside.platform.events.referrals.ConditionKind;
import org.alongside.platform.events.referrals.Gender;
import org.alongside.platform.events.referrals.ReferralAcceptedV2;
import org.alongside.platform.events.referrals.ReferralUpdated;
import org.alongside.platform.events.sessions.Focus;
import org.alongside.platform.events.sessions.GoalUpdated;
import org.alongside.platform.events.sessions.SessionRecorded;
import org.alongside.platform.events.sessions.SessionRecordedV2;
import org.alongside.platform.events.sessions.SignpostingUpdated;
import org.alongside.platform.events.staff.SupervisionRecorded;
import org.alongside.platform.events.support.Medium;
import org.alongside.platform.events.support.Setting;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.TestEvents;
import org.junit.jupiter.api.Test;

/** The read model is a function of the topics: emptied and replayed, it gives the same figures and facts. */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_outcomes_dash_test"))
class ReadModelRebuildTest {

    private static final List<String> TABLES = List.of("referral_fact", "session_fact", "measurement_fact",
            "outcome_pair", "safeguarding_fact", "match_fact", "goal_update_fact", "referral_day_count",
            "referral_day_activity", "referral_day_wait", "outcome_day", "outcome_item_day", "group_meeting_fact", "referrer_organisation", "match_sharing_day", "signposting_fact",
            "signposting_day", "supervision_fact");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void replayingTheTopicsFromScratchGivesTheSameSummary() throws Exception {
        exactFigures();
        try (SyntheticCohort cohort = new SyntheticCohort()) {
            cohort.publishYear(20_22, 40, at("2022-01-01T00:00:00Z"));
        }
        // redeliveries, a correction and a measurement before its referral, as the live topics carry them
        UUID referral = UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        EventEnvelope receipt = TestEvents.publish(EventTypes.REFERRAL_RECEIVED, referral,
                received(referral, at("2022-06-01T09:00:00Z")));
        TestEvents.send(receipt);
        TestEvents.publish(EventTypes.OUTCOME_RECORDED, referral, outcome(referral, UUID.randomUUID(), "SWEMWBS",
                "BASELINE", at("2022-06-10T10:00:00Z"), 19.98, null, null));
        TestEvents.publish(EventTypes.SESSION_RECORDED, referral, session(referral, sessionId, UUID.randomUUID(),
                at("2022-06-10T10:00:00Z"), "ATTENDED", at("2022-06-10T12:00:00Z")));
        TestEvents.publish(EventTypes.SESSION_RECORDED, referral, session(referral, sessionId, UUID.randomUUID(),
                at("2022-06-10T10:00:00Z"), "DID_NOT_ATTEND", at("2022-06-11T12:00:00Z")));
        // version 2 events and the facts only they feed: a correction, a transfer, goals, a group meeting, service use,
        // supervision and signposting
        UUID corrected = UUID.randomUUID();
        TestEvents.publish(EventTypes.REFERRAL_RECEIVED, corrected, received(corrected, at("2022-07-01T09:00:00Z")));
        ReferralAcceptedV2.Preferences preferences = new ReferralAcceptedV2.Preferences(null,
                List.of(Setting.GROUP), List.of(Medium.VIDEO), null, null);
        publish(corrected, new ReferralAcceptedV2(corrected, List.of(new Condition("44054006", "T2DM",
                ConditionKind.PHYSICAL)), preferences, "en", false, "35-44", Gender.FEMALE, "LS6", 4, "C", null,
                List.of(), List.of(), at("2022-07-01T09:00:00Z"), at("2022-07-02T09:00:00Z")));
        publish(corrected, new ReferralUpdated(corrected, List.of(new Condition("13746004", "Bipolar disorder",
                ConditionKind.MENTAL)), preferences, "en", false, "35-44", Gender.FEMALE, "LS6", 4, "K", null,
                List.of(), List.of(), at("2022-07-03T09:00:00Z")));
        UUID firstPeer = UUID.randomUUID();
        UUID proposal = UUID.randomUUID();
        publish(corrected, new MatchAccepted(corrected, proposal, firstPeer, 70, null, at("2022-07-04T09:00:00Z")));
        publish(corrected, new MatchEndedV2(corrected, proposal, firstPeer, MatchEndedV2.Reason.TRANSFERRED,
                at("2022-08-01T09:00:00Z")));
        publish(corrected, new MatchAccepted(corrected, UUID.randomUUID(), UUID.randomUUID(), 70,
                MatchAccepted.SharedLivedExperience.CONDITION_GROUP, at("2022-08-01T09:00:00Z")));
        publish(corrected, new SessionRecordedV2(UUID.randomUUID(), corrected, null, at("2022-07-10T10:00:00Z"), 90,
                Setting.GROUP, Medium.VIDEO, SessionRecorded.Attendance.ATTENDED, List.of(), at("2022-07-10T12:00:00Z"),
                SessionRecorded.Status.RECORDED, 1, null, null, UUID.randomUUID(), UUID.randomUUID()));
        publish(firstPeer, new SupervisionRecorded(UUID.randomUUID(), firstPeer, at("2022-07-20T09:00:00Z")));
        UUID signposting = UUID.randomUUID();
        publish(corrected, new SignpostingUpdated(signposting, corrected, SignpostingUpdated.Category.HOUSING,
                SignpostingUpdated.TakeUp.TAKEN_UP, at("2022-08-10T12:00:00Z")));
        publish(corrected, new SignpostingUpdated(signposting, corrected, SignpostingUpdated.Category.HOUSING,
                SignpostingUpdated.TakeUp.NOT_KNOWN, at("2022-07-10T12:00:00Z")));
        UUID goal = UUID.randomUUID();
        publish(corrected, new GoalUpdated(goal, corrected, Focus.COMMUNITY_CONNECTION,
                GoalUpdated.Status.IN_PROGRESS, 2, null, true, at("2022-07-10T12:00:00Z")));
        publish(corrected, new GoalUpdated(goal, corrected, Focus.COMMUNITY_CONNECTION, GoalUpdated.Status.ACHIEVED,
                7, null, false, at("2022-09-10T12:00:00Z")));
        TestEvents.publish(EventTypes.OUTCOME_RECORDED, corrected, outcome(corrected, UUID.randomUUID(),
                "SERVICE_USE", "BASELINE", at("2022-07-10T10:00:00Z"), Map.of("emergencyAttendances", 3,
                        "hospitalNights", 5), null, null));
        TestEvents.publish(EventTypes.OUTCOME_RECORDED, corrected, outcome(corrected, UUID.randomUUID(),
                "SERVICE_USE", "FOLLOW_UP", at("2022-10-10T10:00:00Z"), Map.of("emergencyAttendances", 1,
                        "hospitalNights", 0), Map.of("emergencyAttendances", -2, "hospitalNights", -5), null));
        awaitConsumerCaughtUp();

        Map<String, Object> summariesBefore = summaries();
        Map<String, String> factsBefore = facts();
        assertTrue(((Number) ((Map<?, ?>) summariesBefore.get("all")).get("referralsReceived")).longValue() >= 41);

        as("admin").post("/admin/read-model/rebuild").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith("/admin/read-model/rebuild"))
                .body("state", equalTo("RUNNING"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> "COMPLETED".equals(
                as("admin").get("/admin/read-model/rebuild").then().statusCode(200).extract().path("state")));
        Map<String, Object> status = as("admin").get("/admin/read-model/rebuild").then().extract().as(Map.class);
        assertTrue(((Number) status.get("eventsApplied")).longValue() > 300, "applied: " + status);

        assertEquals(summariesBefore, summaries());
        assertEquals(factsBefore, facts());

        // the per-day aggregates the triggers kept, event by event, are what one pass over the facts gives
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT dashboard_day_aggregates_fill()");
        }
        assertEquals(factsBefore, facts());
    }

    /** Summaries over every referral and over the synthetic year, plain and by each breakdown. */
    private static Map<String, Object> summaries() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("all", summary(null, null, null));
        all.put("2022", summary("2022-01-01", "2022-12-31", null));
        for (String groupBy : List.of("referrerType", "referrerOrganisation", "conditionGroup", "imdDecile",
                "ageBand", "gender", "ethnicity")) {
            all.put(groupBy, summary("2022-01-01", "2023-12-31", groupBy));
        }
        return all;
    }

    private static Map<String, Object> summary(String from, String to, String groupBy) {
        var request = as("commissioner");
        if (from != null) {
            request.queryParam("from", from).queryParam("to", to);
        }
        if (groupBy != null) {
            request.queryParam("groupBy", groupBy);
        }
        Map<String, Object> body = request.get("/dashboard/summary").then().statusCode(200).extract().as(Map.class);
        body.remove("generatedAt");
        return body;
    }

    /** Every fact table's rows, as one digest per table. */
    private Map<String, String> facts() throws Exception {
        Map<String, String> digests = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) || ':' || COALESCE(md5(string_agg("
                        + "t::text, '|' ORDER BY t::text)), '') FROM " + table + " t")) {
                    rs.next();
                    digests.put(table, rs.getString(1));
                }
            }
        }
        return digests;
    }
}
