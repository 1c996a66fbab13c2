package org.alongside.outcomes;

import static org.alongside.outcomes.OutcomesTestSupport.as;
import static org.alongside.outcomes.OutcomesTestSupport.at;
import static org.alongside.outcomes.OutcomesTestSupport.awaitConsumerCaughtUp;
import static org.alongside.outcomes.OutcomesTestSupport.exactFigures;
import static org.alongside.outcomes.OutcomesTestSupport.outcome;
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
            "referral_day_activity", "referral_day_wait", "outcome_day", "outcome_item_day");

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
