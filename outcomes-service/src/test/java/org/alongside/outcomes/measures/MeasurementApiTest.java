package org.alongside.outcomes.measures;

import static io.restassured.RestAssured.given;
import static org.alongside.outcomes.measures.MeasuresTestSupport.PATIENCE;
import static org.alongside.outcomes.measures.MeasuresTestSupport.as;
import static org.alongside.outcomes.measures.MeasuresTestSupport.entered;
import static org.alongside.outcomes.measures.MeasuresTestSupport.knownReferral;
import static org.alongside.outcomes.measures.MeasuresTestSupport.measurement;
import static org.alongside.outcomes.measures.MeasuresTestSupport.post;
import static org.alongside.outcomes.measures.MeasuresTestSupport.record;
import static org.alongside.outcomes.measures.MeasuresTestSupport.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.alongside.platform.events.EventTypes;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = MeasuresTestSupport.DATABASE))
class MeasurementApiTest {

    @Test
    void aCoordinatorRecordsAMeasurementAndGetsItsScore() {
        UUID referral = knownReferral();
        String id = post(as("coordinator"), measurement(referral, "SWEMWBS", "BASELINE", 4, 3, 2, 4, 3, 4, 5))
                .statusCode(201)
                .header("Location", containsString("/measurements/"))
                .body("id", notNullValue())
                .body("referralId", equalTo(referral.toString()))
                .body("instrument", equalTo("SWEMWBS"))
                .body("timepoint", equalTo("BASELINE"))
                .body("rawScore", equalTo(25))
                .body("score", equalTo(22.35f))
                .body("band", nullValue())
                .body("answers", equalTo(List.of(4, 3, 2, 4, 3, 4, 5)))
                .body("riskFlagged", equalTo(false))
                .body("change", nullValue())
                .extract().path("id");

        as("coordinator").get("/measurements/{id}", id).then().statusCode(200)
                .body("score", equalTo(22.35f))
                .body("rawScore", equalTo(25))
                .body("definitionVersion", equalTo(1));
    }

    @Test
    void eachInstrumentIsScoredByItsOwnRule() {
        UUID referral = knownReferral();
        post(as("coordinator"), measurement(referral, "PHQ9", "BASELINE", 2, 1, 2, 3, 1, 0, 2, 1, 0))
                .statusCode(201).body("score", equalTo(12)).body("rawScore", equalTo(12))
                .body("band", equalTo("MODERATE")).body("caseness", equalTo(true));
        post(as("coordinator"), measurement(referral, "GAD7", "BASELINE", 1, 1, 1, 1, 1, 1, 0))
                .statusCode(201).body("score", equalTo(6)).body("band", equalTo("MILD"))
                .body("caseness", equalTo(false));
        post(as("coordinator"), measurement(referral, "ONS4", "BASELINE", 7, 9, 4, 6))
                .statusCode(201)
                .body("score.lifeSatisfaction", equalTo(7)).body("score.anxiety", equalTo(6))
                .body("rawScore", nullValue()).body("band", nullValue())
                .body("itemBands.lifeSatisfaction", equalTo("HIGH")).body("itemBands.worthwhile", equalTo("VERY_HIGH"))
                .body("itemBands.happiness", equalTo("LOW")).body("itemBands.anxiety", equalTo("HIGH"));
        post(as("coordinator"), measurement(referral, "SEMCD6", "BASELINE", 7, null, 6, null, 5, 8))
                .statusCode(201).body("score", equalTo(6.5f)).body("answers[1]", nullValue());
        post(as("coordinator"), measurement(referral, "UCLA3", "BASELINE", 1, 2, 3))
                .statusCode(201).body("score", equalTo(6));
        post(as("coordinator"), measurement(referral, "WEMWBS", "BASELINE", 3, 4, 2, 5, 1, 3, 4, 4, 3, 2, 5, 3, 4, 3))
                .statusCode(201).body("score", equalTo(46));
        post(as("coordinator"), entered(referral, "PAM", "BASELINE", 58.3))
                .statusCode(201).body("score", equalTo(58.3f)).body("band", equalTo("LEVEL_3"))
                .body("answers", nullValue());
        post(as("coordinator"), entered(referral, "EQ5D5L", "BASELINE", -0.2))
                .statusCode(201).body("score", equalTo(-0.2f)).body("answers", nullValue());
        post(as("coordinator"), measurement(referral, "SERVICE_USE", "BASELINE", 3, 1, 1, 4, 1, 2, 0))
                .statusCode(201).body("score.gpAppointments", equalTo(3)).body("score.hospitalNights", equalTo(4))
                .body("score.outpatientAppointments", equalTo(2));
    }

    @Test
    void notScoredWhenMoreThanTwoSemcdItemsAreMissing() {
        UUID referral = knownReferral();
        post(as("coordinator"), measurement(referral, "SEMCD6", "BASELINE", 7, null, null, null, 5, 8))
                .statusCode(201)
                .body("score", nullValue())
                .body("notScoredReason", containsString("3 of 6 items missing"));
    }

    @Test
    void outcomesShowTheSeriesItsChangeFromBaselineAndWhetherItIsReliable() {
        UUID referral = knownReferral();
        String baseline = record(with(measurement(referral, "PHQ9", "BASELINE", 2, 2, 2, 2, 2, 2, 2, 1, 0),
                "completedAt", "2018-03-01T10:00:00Z")); // 15
        String review = record(with(measurement(referral, "PHQ9", "REVIEW", 2, 2, 1, 1, 2, 2, 1, 1, 0),
                "completedAt", "2018-03-20T10:00:00Z")); // 12
        post(as("coordinator"), with(measurement(referral, "PHQ9", "FOLLOW_UP", 1, 1, 1, 1, 1, 1, 1, 2, 0),
                "completedAt", "2018-04-10T10:00:00Z")) // 9
                .statusCode(201)
                .body("change.fromBaseline", equalTo(-6))
                .body("change.classification", equalTo("IMPROVED"));
        record(with(measurement(referral, "SWEMWBS", "BASELINE", 2, 2, 2, 2, 2, 2, 2), // 14 -> 15.32
                "completedAt", "2018-03-01T10:00:00Z"));
        record(with(measurement(referral, "SWEMWBS", "DISCHARGE", 3, 3, 3, 3, 3, 2, 2), // 19 -> 17.98
                "completedAt", "2018-03-10T10:00:00Z"));

        as("coordinator").get("/referrals/{id}/outcomes", referral).then().statusCode(200)
                .body("referralId", equalTo(referral.toString()))
                .body("instruments.instrument", equalTo(List.of("SWEMWBS", "PHQ9")))
                .body("instruments[1].baselineMeasurementId", equalTo(baseline))
                .body("instruments[1].direction", equalTo("LOWER_IS_BETTER"))
                .body("instruments[1].meaningfulChange.value", equalTo(6))
                .body("instruments[1].meaningfulChange.configKey", equalTo("alongside.outcomes.thresholds.PHQ9"))
                .body("instruments[1].series.timepoint", equalTo(List.of("BASELINE", "REVIEW", "FOLLOW_UP")))
                .body("instruments[1].series.score", equalTo(List.of(15, 12, 9)))
                .body("instruments[1].series[0].change", nullValue())
                .body("instruments[1].series[1].id", equalTo(review))
                .body("instruments[1].series[1].change.fromBaseline", equalTo(-3))
                .body("instruments[1].series[1].change.classification", equalTo("NO_RELIABLE_CHANGE"))
                .body("instruments[1].latestChange.timepoint", equalTo("FOLLOW_UP"))
                .body("instruments[1].latestChange.classification", equalTo("IMPROVED"))
                .body("instruments[0].series.score", equalTo(List.of(15.32f, 17.98f)))
                .body("instruments[0].latestChange.fromBaseline", equalTo(2.66f))
                .body("instruments[0].latestChange.classification", equalTo("NO_RELIABLE_CHANGE"));
    }

    @Test
    void ons4ChangesItemByItem() {
        UUID referral = knownReferral();
        record(with(measurement(referral, "ONS4", "BASELINE", 4, 5, 3, 8), "completedAt", "2018-03-01T10:00:00Z"));
        post(as("coordinator"), measurement(referral, "ONS4", "FOLLOW_UP", 7, 5, 2, 4)).statusCode(201)
                .body("change.fromBaseline.lifeSatisfaction", equalTo(3))
                .body("change.fromBaseline.anxiety", equalTo(-4))
                .body("change.classification", nullValue());
        as("coordinator").get("/referrals/{id}/outcomes", referral).then().statusCode(200)
                .body("instruments[0].itemMeaningfulChange.anxiety.configKey",
                        equalTo("alongside.outcomes.thresholds.ONS4.anxiety"))
                .body("instruments[0].latestChange.fromBaseline.happiness", equalTo(-1));
    }

    @Test
    void aFollowUpWithoutABaselineIsKeptWithoutAChange() {
        UUID referral = knownReferral();
        post(as("coordinator"), measurement(referral, "GAD7", "FOLLOW_UP", 1, 1, 1, 1, 1, 1, 1))
                .statusCode(201).body("score", equalTo(7)).body("change", nullValue());
        as("coordinator").get("/referrals/{id}/outcomes", referral).then().statusCode(200)
                .body("instruments[0].baselineMeasurementId", nullValue())
                .body("instruments[0].series", hasSize(1))
                .body("instruments[0].latestChange", nullValue());
    }

    @Test
    void aSecondBaselineIsAConflictAndIsNotStored() {
        UUID referral = knownReferral();
        record(measurement(referral, "UCLA3", "BASELINE", 3, 3, 3));
        post(as("coordinator"), measurement(referral, "UCLA3", "BASELINE", 1, 1, 1)).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already recorded"));
        as("coordinator").get("/referrals/{id}/outcomes", referral).then()
                .body("instruments[0].series", hasSize(1));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsStoredOrPublished() {
        UUID referral = knownReferral();
        Map<String, Object> good = measurement(referral, "PHQ9", "BASELINE", 0, 1, 0, 1, 0, 1, 0, 1, 0);

        assertInvalid(measurement(referral, "PHQ9", "BASELINE", 0, 1, 0, 1, 0, 1, 0, 1), "answers",
                "must hold 9 answers");
        assertInvalid(measurement(referral, "PHQ9", "BASELINE", 0, 1, 0, 4, 0, 1, 0, 1, 0), "answers[3]",
                "between 0 and 3");
        assertInvalid(measurement(referral, "PHQ9", "BASELINE", 0, 1, null, 1, 0, 1, 0, 1, 0), "answers[2]",
                "missing");
        assertInvalid(with(good, "instrument", "BECK"), "instrument", "not a known instrument");
        assertInvalid(with(good, "timepoint", "NEXT_WEEK"), "timepoint", "not one of");
        assertInvalid(with(good, "completedAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString()),
                "completedAt", "future");
        assertInvalid(with(good, "referralId", UUID.randomUUID()), "referralId", "no referral");
        assertInvalid(with(good, "referralId", null), "referralId", "");
        assertInvalid(with(good, "score", 5), "score", "must not be sent");
        assertInvalid(entered(referral, "PAM", "BASELINE", 101), "score", "between 0 and 100");
        assertInvalid(with(entered(referral, "PAM", "BASELINE", 50), "answers", List.of(1, 2)), "answers",
                "not held");
        assertInvalid(measurement(referral, "SERVICE_USE", "REVIEW", 1, 1, 1, 1, 1, 1, 1), "timepoint",
                "BASELINE, FOLLOW_UP");
        assertInvalid(measurement(referral, "SERVICE_USE", "BASELINE", 1, 1, 1, 93, 1, 1, 1), "answers[3]",
                "between 0 and 92");
        as("coordinator").contentType(ContentType.JSON).body("{\"referralId\": \"" + referral
                        + "\", \"instrument\": \"UCLA3\", \"timepoint\": \"BASELINE\","
                        + " \"completedAt\": \"2018-01-01T10:00:00Z\", \"answers\": [1, \"two\", 3]}")
                .post("/measurements").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("answers[1]"));

        as("coordinator").get("/referrals/{id}/outcomes", referral).then().statusCode(200)
                .body("instruments", hasSize(0));

        // the outbox is ordered per referral: if the first outcome.recorded is the good one, bad input sent none
        String recorded = record(good);
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.OUTCOMES)) {
            JsonNode event = probe.await(EventProbe.ofType(EventTypes.OUTCOME_RECORDED, referral), PATIENCE);
            assertEquals(recorded, event.path("data").path("measurementId").asText());
        }
    }

    @Test
    void outcomeRecordedCarriesScoresAndChangeNeverAnswers() {
        UUID referral = knownReferral();
        String baseline = record(with(measurement(referral, "GAD7", "BASELINE", 2, 2, 2, 2, 2, 1, 1),
                "completedAt", "2018-03-01T10:00:00Z")); // 12
        String followUp = record(with(measurement(referral, "GAD7", "FOLLOW_UP", 3, 3, 2, 2, 2, 2, 2),
                "completedAt", "2018-04-10T10:00:00Z")); // 16
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.OUTCOMES)) {
            JsonNode first = probe.await(r -> EventProbe.ofType(EventTypes.OUTCOME_RECORDED, referral).test(r)
                    && baseline.equals(r.value().path("data").path("measurementId").asText()), PATIENCE);
            JsonNode data = first.path("data");
            assertEquals(Set.of("referralId", "measurementId", "instrument", "timepoint", "completedAt", "score",
                    "rawScore", "band"), fields(data), "no change without a baseline to compare, never answers");
            assertEquals("GAD7", data.path("instrument").asText());
            assertEquals("BASELINE", data.path("timepoint").asText());
            assertEquals(12, data.path("score").asInt());
            assertEquals("MODERATE", data.path("band").asText());
            assertEquals(referral.toString(), first.path("subject").asText());

            JsonNode second = probe.await(r -> EventProbe.ofType(EventTypes.OUTCOME_RECORDED, referral).test(r)
                    && followUp.equals(r.value().path("data").path("measurementId").asText()), PATIENCE);
            assertEquals(4, second.path("data").path("change").path("fromBaseline").asInt());
            assertEquals("DETERIORATED", second.path("data").path("change").path("classification").asText());
            assertFalse(second.path("data").has("answers"));
            assertEquals("2018-04-10T10:00:00Z", second.path("data").path("completedAt").asText());
        }
    }

    @Test
    void callersMustBeAuthenticated() {
        UUID referral = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(measurement(referral, "GAD7", "BASELINE", 1, 1, 1, 1, 1, 1, 1))
                .post("/measurements").then().statusCode(401).contentType("application/problem+json");
        given().get("/referrals/{id}/outcomes", referral).then().statusCode(401);
        given().get("/measurements/{id}", UUID.randomUUID()).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.expired("coordinator")))
                .get("/referrals/{id}/outcomes", referral).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.expired("coordinator")))
                .contentType(ContentType.JSON).body(measurement(referral, "GAD7", "BASELINE", 1, 1, 1, 1, 1, 1, 1))
                .post("/measurements").then().statusCode(401);
    }

    @Test
    void rolesThatMayNotActAreRefused() {
        UUID referral = knownReferral();
        Map<String, Object> body = measurement(referral, "GAD7", "BASELINE", 1, 1, 1, 1, 1, 1, 1);
        for (String role : List.of("supervisor", "commissioner")) {
            post(as(role), body).statusCode(403).contentType("application/problem+json");
        }
        post(given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001"))), body).statusCode(403);
        as("commissioner").get("/referrals/{id}/outcomes", referral).then().statusCode(403);
        as("supervisor").get("/referrals/{id}/outcomes", referral).then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001")))
                .get("/referrals/{id}/outcomes", referral).then().statusCode(403);
        as("admin").get("/referrals/{id}/outcomes", referral).then().statusCode(200);
        post(as("admin"), body).statusCode(201);
    }

    @Test
    void unknownRecordsAreNotFound() {
        as("coordinator").get("/referrals/{id}/outcomes", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as("coordinator").get("/measurements/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aMalformedReferralIdIsBadInputSayingWhy() {
        as("coordinator").get("/referrals/not-a-uuid/outcomes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("referralId"))
                .body("errors[0].message", equalTo("'not-a-uuid' is not a UUID"));
    }

    @Test
    void theContractIsPublished() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/measurements'.post.responses.'201'.content", notNullValue())
                .body("paths.'/measurements'.post.responses.'400'.content.'application/problem+json'", notNullValue())
                .body("paths.'/measurements'.post.responses.'409'", notNullValue())
                .body("paths.'/measurements'.post.security", notNullValue())
                .body("paths.'/referrals/{referralId}/outcomes'.get.responses.'200'.content", notNullValue())
                .body("paths.'/referrals/{referralId}/outcomes'.get.responses.'404'", notNullValue())
                .body("paths.'/instruments'.get.responses.'200'.content", notNullValue())
                .body("paths.'/risk-flags'.get.responses.'403'", notNullValue())
                .body("paths.'/risk-flags/{id}/acknowledge'.post.responses.'409'", notNullValue());
    }

    private static void assertInvalid(Map<String, Object> body, String field, String message) {
        post(as("coordinator"), body).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("detail", containsString(message));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
