package org.alongside.outcomes;

import static org.alongside.outcomes.OutcomesTestSupport.accepted;
import static org.alongside.outcomes.OutcomesTestSupport.as;
import static org.alongside.outcomes.OutcomesTestSupport.at;
import static org.alongside.outcomes.OutcomesTestSupport.received;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * Disclosure control as configured by default, on small cohorts published as events: each test uses its own
 * days of receipt and reads only those.
 */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_outcomes_dash_test"))
class DashboardDisclosureTest {

    /** A suppressed figure in JSON: a typed object, never a string where a number is expected. */
    private static final Map<String, Object> SUPPRESSED = Map.of("suppressed", true);

    private static final Map<String, Object> KIDNEY = Map.of("snomedCode", "709044004",
            "display", "Chronic kidney disease", "kind", "PHYSICAL");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void countsOfOneToSevenAreSuppressedEverywhere() {
        LocalDate day = LocalDate.of(2021, 3, 3);
        refer(day, 3, 3, false);

        JsonPath summary = summary(day, null);
        assertEquals(SUPPRESSED, summary.get("referralsReceived"));
        assertEquals(SUPPRESSED, summary.get("referralsAccepted"));
        assertEquals(0, summary.getInt("referralsDeclined"), "zero stays zero");
        assertEquals(SUPPRESSED, summary.get("referrals.acceptanceRate"), "a rate over a suppressed base");
        assertEquals(true, summary.getBoolean("disclosureControl.applied"));

        String csv = as("commissioner").queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/dashboard/summary.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.contains("\r\nreferrals,,,referralsReceived,*\r\n"), csv);
    }

    @Test
    void largerCountsAreRoundedAndRatesUseTheRoundedCounts() {
        LocalDate day = LocalDate.of(2021, 3, 10);
        refer(day, 13, 8, false);

        JsonPath summary = summary(day, null);
        assertEquals(15, summary.getInt("referralsReceived"), "13 rounds to 15");
        assertEquals(10, summary.getInt("referralsAccepted"), "8 rounds to 10");
        assertEquals(66.7, summary.getDouble("referrals.acceptanceRate"), 0.001, "10 of 15, not 8 of 13");
    }

    @Test
    void aLoneSuppressedCellCannotBeWorkedOutFromTheTotal() {
        LocalDate day = LocalDate.of(2021, 3, 17);
        refer(day, 12, 0, false);
        refer(day, 3, 0, true);

        JsonPath summary = summary(day, "conditionGroup");
        assertEquals(15, summary.getInt("referralsReceived"));
        Map<String, Object> byGroup = cells(summary.getList("referrals.byConditionGroup"));
        assertEquals(SUPPRESSED, byGroup.get("renal"), "3 is suppressed");
        assertEquals(SUPPRESSED, byGroup.get("diabetes"), "and 10, else 15 - 10 would give it away");
        assertEquals(0, ((Number) byGroup.get("cancer")).intValue());
        Map<String, Object> rows = cells(summary.getList("breakdown.rows"), "referralsReceived");
        assertEquals(SUPPRESSED, rows.get("renal"));
        assertEquals(SUPPRESSED, rows.get("diabetes"));

        as("commissioner").queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("groupBy", "conditionGroup").get("/dashboard/summary.csv").then().statusCode(200)
                .body(containsString("referralsByConditionGroup,renal,Renal,referrals,*"))
                .body(containsString("referralsByConditionGroup,diabetes,Diabetes,referrals,*"));
    }

    @Test
    void thereIsNoWayAroundItForAnyRole() {
        LocalDate day = LocalDate.of(2021, 3, 24);
        refer(day, 2, 1, false);
        for (String role : List.of("commissioner", "admin")) {
            // no parameter turns it off: one that is not part of the API is refused, never quietly obeyed
            as(role).queryParam("from", day.toString()).queryParam("to", day.toString()).queryParam("raw", "true")
                    .get("/dashboard/summary").then().statusCode(400)
                    .body("errors[0].field", equalTo("raw"));
            as(role).queryParam("from", day.toString()).queryParam("to", day.toString())
                    .get("/dashboard/summary").then().statusCode(200)
                    .body("referralsReceived.suppressed", equalTo(true));
        }
    }

    /** Publishes {@code count} referrals received on {@code day}, {@code accepted} of them accepted. */
    private void refer(LocalDate day, int count, int accepted, boolean kidney) {
        for (int i = 0; i < count; i++) {
            UUID referral = UUID.randomUUID();
            OffsetDateTime receivedAt = at(day + "T10:00:00Z").plusMinutes(i);
            Map<String, Object> data = received(referral, receivedAt);
            if (kidney) {
                data.put("conditions", List.of(KIDNEY));
            }
            TestEvents.publish(EventTypes.REFERRAL_RECEIVED, referral, data);
            if (i < accepted) {
                TestEvents.publish(EventTypes.REFERRAL_ACCEPTED, referral,
                        accepted(referral, receivedAt, receivedAt.plusDays(1)));
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> countFacts(day,
                kidney) >= count && countAccepted(day) >= accepted);
    }

    private long countFacts(LocalDate day, boolean kidney) throws Exception {
        return query("SELECT count(*) FROM referral_fact WHERE received_at::date = ?::date AND condition_group = ?",
                day.toString(), kidney ? "renal" : "diabetes");
    }

    private long countAccepted(LocalDate day) throws Exception {
        return query("SELECT count(*) FROM referral_fact WHERE received_at::date = ?::date"
                + " AND accepted_at IS NOT NULL", day.toString());
    }

    private long query(String sql, String... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static JsonPath summary(LocalDate day, String groupBy) {
        var request = as("commissioner").queryParam("from", day.toString()).queryParam("to", day.toString());
        if (groupBy != null) {
            request.queryParam("groupBy", groupBy);
        }
        return request.get("/dashboard/summary").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> cells(List<Map<String, Object>> cells) {
        return cells(cells, "count");
    }

    private static Map<String, Object> cells(List<Map<String, Object>> cells, String figure) {
        Map<String, Object> byKey = new java.util.HashMap<>();
        cells.forEach(cell -> byKey.put((String) cell.get("key"), cell.get(figure)));
        return byKey;
    }
}
