package org.alongside.outcomes;

import static org.alongside.outcomes.OutcomesTestSupport.accepted;
import static org.alongside.outcomes.OutcomesTestSupport.as;
import static org.alongside.outcomes.OutcomesTestSupport.at;
import static org.alongside.outcomes.OutcomesTestSupport.closed;
import static org.alongside.outcomes.OutcomesTestSupport.declined;
import static org.alongside.outcomes.OutcomesTestSupport.withdrawn;
import static org.alongside.outcomes.OutcomesTestSupport.awaitConsumerCaughtUp;
import static org.alongside.outcomes.OutcomesTestSupport.exactFigures;
import static org.alongside.outcomes.OutcomesTestSupport.outcome;
import static org.alongside.outcomes.OutcomesTestSupport.publish;
import static org.alongside.outcomes.OutcomesTestSupport.received;
import static org.alongside.outcomes.OutcomesTestSupport.safeguarding;
import static org.alongside.outcomes.OutcomesTestSupport.session;
import static org.alongside.platform.events.EventTypes.OUTCOME_RECORDED;
import static org.alongside.platform.events.EventTypes.REFERRAL_ACCEPTED;
import static org.alongside.platform.events.EventTypes.REFERRAL_CLOSED;
import static org.alongside.platform.events.EventTypes.REFERRAL_DECLINED;
import static org.alongside.platform.events.EventTypes.REFERRAL_RECEIVED;
import static org.alongside.platform.events.EventTypes.REFERRAL_WITHDRAWN;
import static org.alongside.platform.events.EventTypes.SAFEGUARDING_RAISED;
import static org.alongside.platform.events.EventTypes.SESSION_RECORDED;

import static org.junit.jupiter.api.Assertions.assertEquals;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.matches.MatchAccepted;
import org.alongside.platform.events.sessions.Focus;
import org.alongside.platform.events.sessions.GoalUpdated;
import org.alongside.platform.events.sessions.SessionRecorded;
import org.alongside.platform.events.sessions.SessionRecordedV2;
import org.alongside.platform.events.support.Medium;
import org.alongside.platform.events.support.Setting;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The commissioning measures from the events that feed them: condition groups, group sessions and sessions entered
 * in error, outcome measures paired at baseline and follow-up, safeguarding concerns, and delivery facts that
 * arrive before their referral's receipt. Exact figures (as the journey stack runs); each test reads its own day of
 * receipt.
 */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_outcomes_dash_test"))
class CommissioningFactsTest {

    @BeforeEach
    void countExactly() {
        exactFigures();
    }

    @Test
    void referralsReportUnderTheGroupOfTheirFirstCondition() {
        String day = "2018-05-02";
        UUID kidney = refer(day, List.of(Map.of("snomedCode", "709044004", "display", "CKD", "kind", "PHYSICAL"),
                Map.of("snomedCode", "35489007", "display", "Depression", "kind", "MENTAL")));
        UUID unmappedMental = refer(day, List.of(Map.of("snomedCode", "191736004", "display", "Eating disorder",
                "kind", "MENTAL")));
        UUID uncoded = refer(day, List.of(Map.of("display", "Long COVID", "kind", "PHYSICAL")));

        JsonPath summary = await(day, "conditionGroup", s -> s.getInt("referralsReceived") == 3);
        Map<String, Integer> groups = counts(summary.getList("referrals.byConditionGroup"));
        assertEquals(1, groups.get("renal"));
        assertEquals(1, groups.get("other-mental"));
        assertEquals(1, groups.get("other-physical"));
        assertEquals(0, groups.get("common-mental-health"), "the first condition listed decides");
        assertEquals(12, summary.getList("breakdown.rows").size(), "every taxonomy group is listed, with zeros");
        assertEquals(List.of(kidney, unmappedMental, uncoded).size(), summary.getInt("referralsAccepted"));
    }

    /** Received by every dimension, by month and by the milestones' reasons, as the per-day rows count them (V11). */
    @Test
    void referralsAreCountedByEveryDimensionByMonthAndByReason() {
        String day = "2018-07-04";
        UUID declined = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        UUID closed = UUID.randomUUID();
        TestEvents.publish(REFERRAL_RECEIVED, declined, received(declined, at(day + "T09:00:00Z")));
        Map<String, Object> self = received(withdrawn, at(day + "T10:00:00Z"));
        self.put("referrerType", "SELF");
        self.remove("referrerOdsCode");
        self.put("ageBand", "25-34");
        self.put("gender", "MALE");
        self.put("imdDecile", 9);
        TestEvents.publish(REFERRAL_RECEIVED, withdrawn, self);
        TestEvents.publish(REFERRAL_RECEIVED, closed, received(closed, at(day + "T11:00:00Z")));
        TestEvents.publish(REFERRAL_DECLINED, declined, declined(declined, at(day + "T12:00:00Z")));
        TestEvents.publish(REFERRAL_WITHDRAWN, withdrawn, withdrawn(withdrawn, at(day + "T12:00:00Z")));
        TestEvents.publish(REFERRAL_CLOSED, closed, closed(closed, at(day + "T12:00:00Z")));

        JsonPath summary = await(day, null, s -> s.getInt("referralsReceived") == 3
                && !s.getList("referrals.closeReasons").isEmpty());
        assertEquals(2, counts(summary.getList("referrals.byReferrerType")).get("GP_PRACTICE"));
        assertEquals(1, counts(summary.getList("referrals.byReferrerType")).get("SELF"));
        assertEquals(2, counts(summary.getList("referrals.byReferrerOrganisation")).get("B82001"));
        assertEquals(1, counts(summary.getList("referrals.byReferrerOrganisation")).get("NOT_RECORDED"));
        assertEquals(Map.of("65-74", 2, "25-34", 1), nonZero(summary.getList("referrals.byAgeBand")));
        assertEquals(Map.of("FEMALE", 2, "MALE", 1), nonZero(summary.getList("referrals.byGender")));
        assertEquals(Map.of("2", 2, "9", 1), nonZero(summary.getList("referrals.byImdDecile")));
        assertEquals(Map.of("NOT_RECORDED", 3), nonZero(summary.getList("referrals.byEthnicity")));
        assertEquals(Map.of("2018-07", 3), nonZero(summary.getList("referrals.byMonth")));
        assertEquals(Map.of("NOT_ELIGIBLE", 1), nonZero(summary.getList("referrals.declineReasons")));
        assertEquals(Map.of("PERSON_REQUEST", 1), nonZero(summary.getList("referrals.withdrawReasons")));
        assertEquals(Map.of("GOALS_MET", 1), nonZero(summary.getList("referrals.closeReasons")));
    }

    @Test
    void groupAttendanceCountsPerPersonAndErrorsStopCounting() {
        String day = "2018-05-09";
        UUID referral = refer(day, List.of(Map.of("snomedCode", "13645005", "display", "COPD", "kind", "PHYSICAL")));
        UUID peer = UUID.randomUUID();
        UUID wrong = UUID.randomUUID();
        Map<String, Object> group = session(referral, UUID.randomUUID(), peer, at(day + "T10:00:00Z").plusDays(7),
                "ATTENDED", at(day + "T12:00:00Z").plusDays(7));
        group.put("kind", "GROUP");
        group.put("groupId", UUID.randomUUID());
        group.put("format", "VIDEO");
        group.put("meetingId", UUID.randomUUID());
        TestEvents.publish(SESSION_RECORDED, referral, group);
        TestEvents.publish(SESSION_RECORDED, referral, session(referral, UUID.randomUUID(), peer,
                at(day + "T10:00:00Z").plusDays(14), "DID_NOT_ATTEND", at(day + "T12:00:00Z").plusDays(14)));
        Map<String, Object> mistaken = session(referral, wrong, peer, at(day + "T10:00:00Z").plusDays(1),
                "ATTENDED", at(day + "T12:00:00Z").plusDays(1));
        TestEvents.publish(SESSION_RECORDED, referral, mistaken);
        JsonPath summary = await(day, null, s -> s.getInt("sessionsRecorded") == 3);
        assertEquals(1.0, summary.getDouble("waitingTimes.medianDays"), 0.01, "the mistaken session, a day after");

        Map<String, Object> corrected = session(referral, wrong, peer, at(day + "T10:00:00Z").plusDays(1),
                "ATTENDED", at(day + "T12:00:00Z").plusDays(2));
        corrected.put("status", "ENTERED_IN_ERROR");
        TestEvents.publish(SESSION_RECORDED, referral, corrected);
        summary = await(day, null, s -> s.getInt("sessionsRecorded") == 2);
        assertEquals(1, summary.getInt("sessionsAttended"));
        assertEquals(50.0, summary.getDouble("engagement.didNotAttendRate"), 0.01);
        assertEquals(Map.of("ONE_TO_ONE", 0, "GROUP", 1), counts(summary.getList("engagement.settings")));
        assertEquals(1, counts(summary.getList("engagement.media")).get("VIDEO"));
        assertEquals(7.0, summary.getDouble("waitingTimes.medianDays"), 0.01, "now the group session");
    }

    @Test
    void outcomesPairTheFirstBaselineWithTheLatestFollowUp() {
        String day = "2018-05-16";
        UUID improved = refer(day, List.of(Map.of("snomedCode", "44054006", "display", "T2DM", "kind", "PHYSICAL")));
        UUID unpaired = refer(day, List.of(Map.of("snomedCode", "35489007", "display", "Depression",
                "kind", "MENTAL")));
        for (UUID referral : List.of(improved, unpaired)) {
            TestEvents.publish(SESSION_RECORDED, referral, session(referral, UUID.randomUUID(), UUID.randomUUID(),
                    at(day + "T10:00:00Z").plusDays(3), "ATTENDED", at(day + "T12:00:00Z").plusDays(3)));
        }
        // the follow-up arrives first; a review in between does not count as one
        TestEvents.publish(OUTCOME_RECORDED, improved, outcome(improved, UUID.randomUUID(), "SWEMWBS", "FOLLOW_UP",
                at(day + "T10:00:00Z").plusDays(90), 24.11, 4.11, "IMPROVED"));
        EventEnvelope baseline = TestEvents.publish(OUTCOME_RECORDED, improved, outcome(improved, UUID.randomUUID(),
                "SWEMWBS", "BASELINE", at(day + "T10:00:00Z").plusDays(3), 20.0, null, null));
        TestEvents.send(baseline);
        TestEvents.publish(OUTCOME_RECORDED, improved, outcome(improved, UUID.randomUUID(), "SWEMWBS", "REVIEW",
                at(day + "T10:00:00Z").plusDays(45), 19.0, -1.0, "NO_RELIABLE_CHANGE"));
        TestEvents.publish(OUTCOME_RECORDED, unpaired, outcome(unpaired, UUID.randomUUID(), "PHQ9", "BASELINE",
                at(day + "T10:00:00Z").plusDays(3), 14, null, null));
        // ONS4 is scored per item: counted as measured, never averaged
        TestEvents.publish(OUTCOME_RECORDED, unpaired, outcome(unpaired, UUID.randomUUID(), "ONS4", "BASELINE",
                at(day + "T10:00:00Z").plusDays(3), Map.of("satisfaction", 4, "anxiety", 7), null, null));
        TestEvents.publish(OUTCOME_RECORDED, unpaired, outcome(unpaired, UUID.randomUUID(), "ONS4", "FOLLOW_UP",
                at(day + "T10:00:00Z").plusDays(90), Map.of("satisfaction", 6, "anxiety", 5),
                Map.of("satisfaction", 2, "anxiety", -2), null));

        JsonPath summary = await(day, null, s -> s.getList("outcomes.instruments").size() == 3
                && s.getInt("outcomes.peopleWithPairedFollowUp") == 2);
        assertEquals(2, summary.getInt("outcomes.peopleWithBaseline"));
        assertEquals(100.0, summary.getDouble("outcomes.pairedShare"), 0.01);
        Map<String, Object> swemwbs = instrument(summary, "SWEMWBS");
        assertEquals(1, swemwbs.get("peoplePaired"));
        assertEquals(4.11, ((Number) swemwbs.get("meanChange")).doubleValue(), 0.001);
        assertEquals(100.0, ((Number) swemwbs.get("improvedShare")).doubleValue(), 0.01);
        assertEquals("diabetes", ((Map<?, ?>) ((List<?>) swemwbs.get("byConditionGroup")).get(0)).get("key"));
        assertEquals(0, instrument(summary, "PHQ9").get("peoplePaired"));
        Map<String, Object> ons4 = instrument(summary, "ONS4");
        assertEquals(1, ons4.get("peoplePaired"));
        assertEquals(Map.of("notDefined", true), ons4.get("meanChange"), "items are never summed");
    }

    @Test
    void safeguardingConcernsAreCountedByCategoryOnce() {
        String day = "2018-05-23";
        UUID referral = refer(day, List.of(Map.of("snomedCode", "86406008", "display", "HIV", "kind", "PHYSICAL")));
        EventEnvelope concern = TestEvents.publish(SAFEGUARDING_RAISED, referral,
                safeguarding(referral, "SELF_NEGLECT", true, at(day + "T15:00:00Z")));
        TestEvents.send(concern);
        Map<String, Object> withoutUrgency = new java.util.HashMap<>(safeguarding(referral, "DOMESTIC_ABUSE", false,
                at(day + "T16:00:00Z")));
        withoutUrgency.remove("immediateRisk");
        withoutUrgency.put("peerId", UUID.randomUUID());
        TestEvents.publish(SAFEGUARDING_RAISED, referral, withoutUrgency);

        JsonPath summary = await(day, null, s -> s.getInt("safeguarding.concerns") == 2);
        assertEquals(1, summary.getInt("safeguarding.peopleWithConcern"));
        assertEquals(1, summary.getInt("safeguarding.immediateRisk"));
        assertEquals(Map.of("DOMESTIC_ABUSE", 1, "SELF_NEGLECT", 1), counts(summary.getList("safeguarding.byCategory")));
    }

    @Test
    void referringOrganisationsAreNamedAsTheirLatestReferralNamedThem() {
        String day = "2018-06-06";
        String code = "T" + (100000 + new java.util.Random().nextInt(900000));
        // the later referral's name arrives first; a referral without a name changes nothing
        named(code, "Beech Tree Surgery", day + "T11:00:00Z");
        named(code, "Beech Tree Medical Practice", day + "T09:00:00Z");
        named(code, null, day + "T12:00:00Z");

        JsonPath summary = await(day, "referrerOrganisation", s -> s.getInt("referralsReceived") == 3);
        Map<String, Object> cell = summary.getMap("referrals.byReferrerOrganisation.find { it.key == '" + code + "' }");
        assertEquals(Map.of("key", code, "label", "Beech Tree Surgery", "count", 3), cell);
        assertEquals("Beech Tree Surgery", summary.getString("breakdown.rows.find { it.key == '" + code + "' }.label"));
        assertEquals("Referrer organisation", summary.getString("breakdown.title"));

        String csv = as("commissioner").queryParam("from", day).queryParam("to", day)
                .queryParam("groupBy", "referrerOrganisation").get("/dashboard/summary.csv").then().statusCode(200)
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains("\r\nreferralsByReferrerOrganisation," + code
                + ",Beech Tree Surgery,referrals,3\r\n"), csv);
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains("\r\nbreakdown.referrerOrganisation," + code
                + ",Beech Tree Surgery,referralsReceived,3\r\n"), csv);
    }

    /** A GP referral received with the practice's code and, when given, its name. */
    private static void named(String code, String name, String receivedAt) {
        UUID referral = UUID.randomUUID();
        Map<String, Object> data = received(referral, at(receivedAt));
        data.put("referrerOdsCode", code);
        if (name != null) {
            data.put("referrerOrganisationName", name);
        }
        TestEvents.publish(REFERRAL_RECEIVED, referral, data);
    }

    @Test
    void deliveryFactsThatArriveBeforeTheReceiptCountOnceItArrives() {
        String day = "2018-05-30";
        String dayBefore = "2018-05-29";
        UUID meeting = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        UUID other = refer(dayBefore, List.of(Map.of("snomedCode", "13645005", "display", "COPD",
                "kind", "PHYSICAL")));
        groupPlace(other, group, meeting, "ATTENDED", dayBefore, 8);

        // matching-, session- and referral-service publish on their own topics: the receipt may come last
        UUID late = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        publish(late, new MatchAccepted(late, UUID.randomUUID(), peer, 80, null, at(day + "T16:00:00Z")));
        groupPlace(late, group, meeting, "ATTENDED", day, 7);
        groupPlace(late, group, UUID.randomUUID(), "DID_NOT_ATTEND", day, 14);
        UUID goal = UUID.randomUUID();
        publish(late, new GoalUpdated(goal, late, Focus.COMMUNITY_CONNECTION, GoalUpdated.Status.IN_PROGRESS, 4,
                null, true, at(day + "T12:00:00Z").plusDays(7)));
        publish(late, new GoalUpdated(goal, late, Focus.COMMUNITY_CONNECTION, GoalUpdated.Status.ACHIEVED, 7,
                null, false, at(day + "T12:00:00Z").plusDays(35)));
        TestEvents.publish(SAFEGUARDING_RAISED, late, safeguarding(late, "SELF_NEGLECT", false,
                at(day + "T15:00:00Z").plusDays(7)));
        awaitConsumerCaughtUp();
        assertEquals(0, await(day, null, s -> true).getInt("delivery.groupMeetings"), "not in any cohort yet");

        refer(late, day, List.of(Map.of("snomedCode", "44054006", "display", "T2DM", "kind", "PHYSICAL")));
        JsonPath summary = await(day, null, s -> s.getInt("referralsReceived") == 1
                && s.getInt("delivery.groupMeetings") == 1 && s.getInt("delivery.goalsSet") == 1
                && s.getInt("delivery.peersWithCaseload") == 1 && s.getInt("safeguarding.concerns") == 1);
        assertEquals(1, summary.getInt("delivery.groupAttendances"));
        assertEquals(1, summary.getInt("delivery.peopleInGroups"));
        assertEquals(50.0, summary.getDouble("delivery.groupDidNotAttendRate"), 0.01);
        assertEquals(1, summary.getInt("delivery.goalsRatedTwice"));
        assertEquals(Map.of("HIGHER", 1, "SAME", 0, "LOWER", 0), counts(summary.getList("delivery.goalProgress")));
        assertEquals(1, summary.getInt("delivery.goalsAchieved"));
        assertEquals(1, summary.getInt("safeguarding.peopleWithConcern"));

        // one meeting attended by people received on two days is one meeting over both, and one on each
        JsonPath twoDays = as("commissioner").queryParam("from", dayBefore).queryParam("to", day)
                .get("/dashboard/summary").then().statusCode(200).extract().jsonPath();
        assertEquals(1, twoDays.getInt("delivery.groupMeetings"));
        assertEquals(2, twoDays.getInt("delivery.groupAttendances"));
        assertEquals(2, twoDays.getInt("delivery.peopleInGroups"));
        assertEquals(1, await(dayBefore, null, s -> true).getInt("delivery.groupMeetings"));
    }

    /** A place at a group meeting, {@code daysLater} after the referral's day, recorded two hours after it. */
    private static void groupPlace(UUID referral, UUID group, UUID meeting, String attendance, String day,
            int daysLater) {
        OffsetDateTime startedAt = at(day + "T10:00:00Z").plusDays(daysLater);
        publish(referral, new SessionRecordedV2(UUID.randomUUID(), referral, null, startedAt, 90, Setting.GROUP,
                Medium.IN_PERSON, SessionRecorded.Attendance.valueOf(attendance), List.of(Focus.COMMUNITY_CONNECTION),
                startedAt.plusHours(2), SessionRecorded.Status.RECORDED, 1, null, null, group, meeting));
    }

    private static UUID refer(String day, List<Map<String, Object>> conditions) {
        return refer(UUID.randomUUID(), day, conditions);
    }

    private static UUID refer(UUID referral, String day, List<Map<String, Object>> conditions) {
        Map<String, Object> data = received(referral, at(day + "T09:00:00Z"));
        data.put("conditions", conditions);
        TestEvents.publish(REFERRAL_RECEIVED, referral, data);
        Map<String, Object> acceptance = accepted(referral, at(day + "T09:00:00Z"), at(day + "T11:00:00Z"));
        acceptance.put("conditions", conditions);
        TestEvents.publish(REFERRAL_ACCEPTED, referral, acceptance);
        return referral;
    }

    private static JsonPath await(String day, String groupBy, java.util.function.Predicate<JsonPath> ready) {
        JsonPath[] summary = new JsonPath[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    var request = as("commissioner").queryParam("from", day).queryParam("to", day);
                    if (groupBy != null) {
                        request.queryParam("groupBy", groupBy);
                    }
                    summary[0] = request.get("/dashboard/summary").then().statusCode(200).extract().jsonPath();
                    return ready.test(summary[0]);
                });
        return summary[0];
    }

    private static Map<String, Object> instrument(JsonPath summary, String code) {
        List<Map<String, Object>> instruments = summary.getList("outcomes.instruments");
        return instruments.stream().filter(i -> code.equals(i.get("instrument"))).findFirst().orElseThrow();
    }

    private static Map<String, Integer> nonZero(List<Map<String, Object>> cells) {
        Map<String, Integer> counts = counts(cells);
        counts.values().removeIf(count -> count == 0);
        return counts;
    }

    private static Map<String, Integer> counts(List<Map<String, Object>> cells) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        cells.forEach(cell -> counts.put((String) cell.get("key"), ((Number) cell.get("count")).intValue()));
        return counts;
    }
}
