package org.alongside.outcomes;

import static org.alongside.outcomes.OutcomesTestSupport.as;
import static org.alongside.outcomes.OutcomesTestSupport.at;
import static org.alongside.outcomes.OutcomesTestSupport.exactFigures;
import static org.alongside.outcomes.OutcomesTestSupport.outcome;
import static org.alongside.outcomes.OutcomesTestSupport.publish;
import static org.alongside.outcomes.OutcomesTestSupport.received;
import static org.alongside.platform.events.EventTypes.OUTCOME_RECORDED;
import static org.alongside.platform.events.EventTypes.REFERRAL_RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.alongside.platform.events.matches.MatchAccepted;
import org.alongside.platform.events.matches.MatchAccepted.SharedLivedExperience;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked cohorts, each read back as the exact JSON a commissioner gets: an instrument with a documented
 * reliable-change threshold (PHQ-9), one without (SEMCD-6), and service use (SERVICE_USE); then the equity and
 * delivery figures from the contract's version 2 events and the workforce events (match.accepted's sharing,
 * supervision.recorded, signposting.updated). Exact figures (disclosure control off, as the journey
 * stack runs); each test reads its own day of receipt.
 */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_outcomes_dash_test"))
class OutcomeReportingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Condition DIABETES = new Condition("44054006", "Type 2 diabetes mellitus",
            ConditionKind.PHYSICAL);
    private static final Condition SCHIZOPHRENIA = new Condition("58214004", "Schizophrenia", ConditionKind.MENTAL);

    @BeforeEach
    void countExactly() {
        exactFigures();
    }

    @Test
    void eachInstrumentReportsWhatIsDefinedForItAndNothingElse() throws Exception {
        String day = "2019-02-06";
        List<UUID> people = List.of(refer(day, "A"), refer(day, "A"), refer(day, "A"));
        // PHQ-9 (lower is better, reliable change 6): changes -8 (improved), -2 (no reliable change), +7 (deteriorated)
        int[][] phq9 = {{18, 10}, {12, 10}, {9, 16}};
        String[] classification = {"IMPROVED", "NO_RELIABLE_CHANGE", "DETERIORATED"};
        // SEMCD-6 (no threshold): changes +3.0, +4.5, +4.0
        double[][] semcd6 = {{4.0, 7.0}, {3.5, 8.0}, {5.0, 9.0}};
        for (int i = 0; i < people.size(); i++) {
            UUID person = people.get(i);
            pair(person, day, "PHQ9", phq9[i][0], phq9[i][1], phq9[i][1] - phq9[i][0], classification[i]);
            pair(person, day, "SEMCD6", semcd6[i][0], semcd6[i][1], semcd6[i][1] - semcd6[i][0], null);
        }
        // service use over the previous 3 months, at baseline and at follow-up, for two of them
        serviceUse(people.get(0), day, items(4, 3, 1, 5, 2, 1, 1), items(3, 1, 0, 0, 0, 2, 0));
        serviceUse(people.get(1), day, items(2, 3, 1, 5, 0, 1, 1), items(3, 1, 0, 0, 1, 2, 1));

        JsonNode summary = await(day, null, s -> instrument(s, "PHQ9").path("peoplePaired").asInt() == 3
                && instrument(s, "SEMCD6").path("peoplePaired").asInt() == 3
                && instrument(s, "SERVICE_USE").path("items").size() == 7
                && instrument(s, "SERVICE_USE").path("items").findValues("peoplePaired").stream()
                        .allMatch(paired -> paired.asInt() == 2));

        // mean -1.00; s = sqrt(57); t(0.975, 2) = 4.3027; half width 4.3027 * sqrt(57 / 3) = 18.75
        assertEquals(JSON.readTree("""
                {"instrument": "PHQ9", "peopleWithBaseline": 3, "peoplePaired": 3, "pairedShare": 100.0,
                 "meanChange": -1.00, "meanChangeLower95": -19.75, "meanChangeUpper95": 17.75,
                 "reliableChangeThreshold": 6,
                 "reliableChangeSource": "NHS Talking Therapies: reliable improvement is a drop of 6 or more (a rise of 6 or more is reliable deterioration)",
                 "improved": 1, "noReliableChange": 1, "deteriorated": 1,
                 "improvedShare": 33.3, "noReliableChangeShare": 33.3, "deterioratedShare": 33.3, "items": [],
                 "byConditionGroup": [{"key": "diabetes", "label": "Diabetes", "peoplePaired": 3, "meanChange": -1.00,
                     "meanChangeLower95": -19.75, "meanChangeUpper95": 17.75, "improvedShare": 33.3}],
                 "byImdDecile": [{"key": "2", "label": "2", "peoplePaired": 3, "meanChange": -1.00,
                     "meanChangeLower95": -19.75, "meanChangeUpper95": 17.75, "improvedShare": 33.3}],
                 "byGroup": []}"""), instrument(summary, "PHQ9"));

        // mean 3.83; s = 0.7638; half width 4.3027 * 0.7638 / sqrt(3) = 1.90; no threshold (so none named): no
        // share is 0
        assertEquals(JSON.readTree("""
                {"instrument": "SEMCD6", "peopleWithBaseline": 3, "peoplePaired": 3, "pairedShare": 100.0,
                 "meanChange": 3.83, "meanChangeLower95": 1.94, "meanChangeUpper95": 5.73,
                 "improved": {"notDefined": true}, "noReliableChange": {"notDefined": true},
                 "deteriorated": {"notDefined": true}, "improvedShare": {"notDefined": true},
                 "noReliableChangeShare": {"notDefined": true}, "deterioratedShare": {"notDefined": true},
                 "items": [],
                 "byConditionGroup": [{"key": "diabetes", "label": "Diabetes", "peoplePaired": 3, "meanChange": 3.83,
                     "meanChangeLower95": 1.94, "meanChangeUpper95": 5.73, "improvedShare": {"notDefined": true}}],
                 "byImdDecile": [{"key": "2", "label": "2", "peoplePaired": 3, "meanChange": 3.83,
                     "meanChangeLower95": 1.94, "meanChangeUpper95": 5.73, "improvedShare": {"notDefined": true}}],
                 "byGroup": []}"""), instrument(summary, "SEMCD6"));

        // totals before and after; per person-month = total / (2 people x 3 months); t(0.975, 1) = 12.706
        String notDefined = "{\"notDefined\": true}";
        assertEquals(JSON.readTree("""
                {"instrument": "SERVICE_USE", "peopleWithBaseline": 2, "peoplePaired": 2, "pairedShare": 100.0,
                 "meanChange": %1$s, "meanChangeLower95": %1$s, "meanChangeUpper95": %1$s,
                 "improved": %1$s, "noReliableChange": %1$s, "deteriorated": %1$s,
                 "improvedShare": %1$s, "noReliableChangeShare": %1$s, "deterioratedShare": %1$s,
                 "items": [
                   {"item": "gpAppointments", "label": "GP appointments attended", "peoplePaired": 2,
                    "totalBefore": 6, "totalAfter": 6, "ratePerPersonMonthBefore": 1.00, "ratePerPersonMonthAfter": 1.00,
                    "meanChange": 0.00, "meanChangeLower95": -12.71, "meanChangeUpper95": 12.71},
                   {"item": "emergencyAttendances", "label": "Emergency (A&E) attendances", "peoplePaired": 2,
                    "totalBefore": 6, "totalAfter": 2, "ratePerPersonMonthBefore": 1.00, "ratePerPersonMonthAfter": 0.33,
                    "meanChange": -2.00, "meanChangeLower95": -2.00, "meanChangeUpper95": -2.00},
                   {"item": "hospitalAdmissions", "label": "Emergency hospital admissions", "peoplePaired": 2,
                    "totalBefore": 2, "totalAfter": 0, "ratePerPersonMonthBefore": 0.33, "ratePerPersonMonthAfter": 0.00,
                    "meanChange": -1.00, "meanChangeLower95": -1.00, "meanChangeUpper95": -1.00},
                   {"item": "hospitalNights", "label": "Nights in hospital (bed days)", "peoplePaired": 2,
                    "totalBefore": 10, "totalAfter": 0, "ratePerPersonMonthBefore": 1.67, "ratePerPersonMonthAfter": 0.00,
                    "meanChange": -5.00, "meanChangeLower95": -5.00, "meanChangeUpper95": -5.00},
                   {"item": "gpAppointmentsMissed", "label": "GP appointments missed", "peoplePaired": 2,
                    "totalBefore": 2, "totalAfter": 1, "ratePerPersonMonthBefore": 0.33, "ratePerPersonMonthAfter": 0.17,
                    "meanChange": -0.50, "meanChangeLower95": -19.56, "meanChangeUpper95": 18.56},
                   {"item": "outpatientAppointments", "label": "Hospital outpatient appointments attended",
                    "peoplePaired": 2, "totalBefore": 2, "totalAfter": 4, "ratePerPersonMonthBefore": 0.33,
                    "ratePerPersonMonthAfter": 0.67, "meanChange": 1.00, "meanChangeLower95": 1.00,
                    "meanChangeUpper95": 1.00},
                   {"item": "outpatientAppointmentsMissed", "label": "Hospital outpatient appointments missed",
                    "peoplePaired": 2, "totalBefore": 2, "totalAfter": 1, "ratePerPersonMonthBefore": 0.33,
                    "ratePerPersonMonthAfter": 0.17, "meanChange": -0.50, "meanChangeLower95": -6.85,
                    "meanChangeUpper95": 5.85}],
                 "byConditionGroup": [{"key": "diabetes", "label": "Diabetes", "peoplePaired": 2, "meanChange": %1$s,
                     "meanChangeLower95": %1$s, "meanChangeUpper95": %1$s, "improvedShare": %1$s}],
                 "byImdDecile": [{"key": "2", "label": "2", "peoplePaired": 2, "meanChange": %1$s,
                     "meanChangeLower95": %1$s, "meanChangeUpper95": %1$s, "improvedShare": %1$s}],
                 "byGroup": []}""".formatted(notDefined)), instrument(summary, "SERVICE_USE"));

        // the CSV: one section per breakdown (a groupBy the outcomes already break down by adds none), "not
        // defined" where a share has no meaning, never 0
        String csv = as("commissioner").queryParam("from", day).queryParam("to", day).queryParam("groupBy", "imdDecile")
                .get("/dashboard/summary.csv").then().statusCode(200).extract().asString();
        Set<String> cells = new HashSet<>();
        for (String row : csv.split("\r\n")) {
            String[] columns = row.split(",");
            assertTrue(cells.add(columns[0] + "," + columns[1] + "," + columns[3]), "once only: " + row);
        }
        assertFalse(csv.contains(".by.imdDecile"), csv);
        assertTrue(csv.contains("\r\noutcomes.SEMCD6,,,improvedShare,not defined\r\n"), csv);
        assertTrue(csv.contains("\r\noutcomes.PHQ9,,,improvedShare,33.3\r\n"), csv);
        assertTrue(csv.contains("\r\noutcomes.SERVICE_USE.items,emergencyAttendances,Emergency (A&E) attendances,"
                + "ratePerPersonMonthAfter,0.33\r\n"), csv);
    }

    @Test
    void equityAndDeliveryFiguresComeFromTheVersionTwoEvents() throws Exception {
        String day = "2019-02-13";
        UUID corrected = refer(day, "H");
        UUID other = refer(day, "A");
        // a coordinator corrects the first: later facts replace what intake said, whatever order events arrive in
        publish(corrected, new ReferralUpdated(corrected, List.of(SCHIZOPHRENIA), preferences(), "en", false, "45-54",
                Gender.MALE, "LS6", 3, "N", null, List.of(), List.of(), at(day + "T15:00:00Z")));
        TestEvents.publish(REFERRAL_RECEIVED, corrected, received(corrected, at(day + "T09:00:00Z")));

        UUID peer = UUID.randomUUID();
        UUID newPeer = UUID.randomUUID();
        UUID proposal = UUID.randomUUID();
        publish(corrected, new MatchAccepted(corrected, UUID.randomUUID(), peer, 80, SharedLivedExperience.CONDITION,
                at(day + "T16:00:00Z")));
        publish(other, new MatchAccepted(other, proposal, peer, 80, SharedLivedExperience.CONDITION_GROUP,
                at(day + "T16:00:00Z")));
        publish(other, new MatchEndedV2(other, proposal, peer, MatchEndedV2.Reason.TRANSFERRED,
                at(day + "T17:00:00Z").plusDays(3)));
        publish(other, new MatchAccepted(other, UUID.randomUUID(), newPeer, 75, SharedLivedExperience.NONE,
                at(day + "T17:00:00Z").plusDays(3)));
        // the peers supporting them now: one supervised three days ago, the other forty (the interval is 28)
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        publish(peer, new SupervisionRecorded(UUID.randomUUID(), peer, now.minusDays(40)));
        publish(peer, new SupervisionRecorded(UUID.randomUUID(), peer, now.minusDays(3)));
        publish(newPeer, new SupervisionRecorded(UUID.randomUUID(), newPeer, now.minusDays(40)));
        // three resources linked to: one taken up (learned later), one not, one not known
        UUID housing = UUID.randomUUID();
        publish(corrected, new SignpostingUpdated(housing, corrected, SignpostingUpdated.Category.HOUSING,
                SignpostingUpdated.TakeUp.TAKEN_UP, at(day + "T12:00:00Z").plusDays(20)));
        publish(corrected, new SignpostingUpdated(housing, corrected, SignpostingUpdated.Category.HOUSING,
                SignpostingUpdated.TakeUp.NOT_KNOWN, at(day + "T12:00:00Z").plusDays(7)));
        publish(other, new SignpostingUpdated(UUID.randomUUID(), other, SignpostingUpdated.Category.PHYSICAL_ACTIVITY,
                SignpostingUpdated.TakeUp.NOT_TAKEN_UP, at(day + "T12:00:00Z").plusDays(7)));
        publish(other, new SignpostingUpdated(UUID.randomUUID(), other, SignpostingUpdated.Category.HOUSING,
                SignpostingUpdated.TakeUp.NOT_KNOWN, at(day + "T12:00:00Z").plusDays(7)));

        UUID meeting = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        session(corrected, null, Setting.GROUP, Medium.VIDEO, "ATTENDED", day, 7, group, meeting);
        session(other, null, Setting.GROUP, Medium.VIDEO, "ATTENDED", day, 7, group, meeting);
        session(other, null, Setting.GROUP, Medium.VIDEO, "DID_NOT_ATTEND", day, 14, group, UUID.randomUUID());
        session(other, newPeer, Setting.ONE_TO_ONE, Medium.TELEPHONE, "ATTENDED", day, 10, null, null);

        UUID higher = UUID.randomUUID();
        UUID same = UUID.randomUUID();
        goal(corrected, higher, GoalUpdated.Status.IN_PROGRESS, 3, true, day, 7);
        goal(corrected, higher, GoalUpdated.Status.IN_PROGRESS, 6, false, day, 30);
        goal(other, same, GoalUpdated.Status.IN_PROGRESS, 5, true, day, 7);
        goal(other, same, GoalUpdated.Status.ACHIEVED, 5, false, day, 40);
        goal(other, UUID.randomUUID(), GoalUpdated.Status.NOT_STARTED, null, true, day, 7);

        JsonNode summary = await(day, "ethnicity", s -> s.path("sessionsRecorded").asInt() == 4
                && s.path("delivery").path("goalsAchieved").asInt() == 1
                && s.path("delivery").path("goalsRatedTwice").asInt() == 2
                && s.path("delivery").path("peersWithCaseload").asInt() == 2
                && s.path("delivery").path("meanCaseload").asDouble() == 1.0
                && s.path("delivery").path("groupAttendances").asInt() == 2
                && s.path("delivery").path("matchesWithSharingKnown").asInt() == 3
                && s.path("delivery").path("supervisedWithinIntervalShare").asDouble() == 50.0
                && s.path("delivery").path("signpostingTakeUp").path(0).path("count").asInt() == 1
                && cells(s.path("referrals").path("byEthnicity")).get("N") == 1);

        Map<String, Integer> ethnicity = cells(summary.path("referrals").path("byEthnicity"));
        assertEquals(1, ethnicity.get("A"));
        assertEquals(0, ethnicity.get("H"), "the correction replaced it");
        assertEquals("N Black or Black British: African", label(summary.path("referrals").path("byEthnicity"), "N"));
        Map<String, Integer> groups = cells(summary.path("referrals").path("byConditionGroup"));
        assertEquals(1, groups.get("severe-mental-illness"));
        assertEquals(1, groups.get("diabetes"));
        assertEquals(1, cells(summary.path("referrals").path("byAgeBand")).get("45-54"));
        assertEquals(Map.of("IN_PERSON", 0, "TELEPHONE", 1, "VIDEO", 2, "ONLINE_TEXT", 0),
                cells(summary.path("engagement").path("media")));
        assertEquals(Map.of("ONE_TO_ONE", 1, "GROUP", 2), cells(summary.path("engagement").path("settings")));
        Map<String, Integer> rows = new LinkedHashMap<>();
        summary.path("breakdown").path("rows").forEach(row -> rows.put(row.path("key").asText(),
                row.path("referralsReceived").asInt()));
        assertEquals(1, rows.get("N"));
        assertEquals(1, rows.get("A"));
        assertEquals("ethnicity", summary.path("breakdown").path("dimension").asText());

        JsonNode delivery = summary.path("delivery").deepCopy();
        Map<String, Integer> linked = cells(delivery.path("signpostingByCategory"));
        Map<String, Integer> takenUp = cells(delivery.path("signpostingTakenUpByCategory"));
        assertEquals(SignpostingUpdated.Category.values().length, linked.size(), "every kind, with zeros");
        assertEquals(2, linked.get("HOUSING"));
        assertEquals(1, linked.get("PHYSICAL_ACTIVITY"));
        assertEquals(3, linked.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(1, takenUp.get("HOUSING"));
        assertEquals(1, takenUp.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals("Physical activity", label(delivery.path("signpostingByCategory"), "PHYSICAL_ACTIVITY"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) delivery).remove(List.of("signpostingByCategory",
                "signpostingTakenUpByCategory"));
        assertEquals(JSON.readTree("""
                {"peersWithCaseload": 2, "meanCaseload": 1.0,
                 "caseloads": [{"key": "1-5", "label": "1-5 people", "count": 2},
                               {"key": "6-10", "label": "6-10 people", "count": 0},
                               {"key": "11-15", "label": "11-15 people", "count": 0},
                               {"key": "16-20", "label": "16-20 people", "count": 0},
                               {"key": "21+", "label": "21+ people", "count": 0}],
                 "goalsSet": 3, "peopleWithGoals": 2, "goalsRatedTwice": 2,
                 "goalProgress": [{"key": "HIGHER", "label": "Rated higher than first", "count": 1},
                                  {"key": "SAME", "label": "Rated the same", "count": 1},
                                  {"key": "LOWER", "label": "Rated lower than first", "count": 0}],
                 "goalsAchieved": 1, "groupMeetings": 1, "groupAttendances": 2, "peopleInGroups": 2,
                 "groupDidNotAttendRate": 33.3,
                 "matchesWithSharingKnown": 3,
                 "sharedLivedExperience": [{"key": "CONDITION", "label": "Shared a condition", "count": 1},
                     {"key": "CONDITION_GROUP", "label": "Shared a condition group (not the condition)", "count": 1},
                     {"key": "NONE", "label": "Shared neither", "count": 1}],
                 "sharedConditionShare": 33.3, "sharedConditionOrGroupShare": 66.7,
                 "supervisionIntervalDays": 28,
                 "supervision": [{"key": "WITHIN_INTERVAL", "label": "Supervised in the last 28 days", "count": 1},
                     {"key": "OVERDUE", "label": "Last supervised longer ago", "count": 1},
                     {"key": "NONE_RECORDED", "label": "No supervision recorded", "count": 0}],
                 "supervisedWithinIntervalShare": 50.0,
                 "signpostingMade": 3,
                 "signpostingTakeUp": [{"key": "TAKEN_UP", "label": "Taken up", "count": 1},
                     {"key": "NOT_TAKEN_UP", "label": "Not taken up", "count": 1},
                     {"key": "NOT_KNOWN", "label": "Not known", "count": 1}],
                 "signpostingTakenUpShare": 33.3}"""), delivery);
    }

    /** A referral received and accepted (version 2) on {@code day}, with diabetes and the ethnic category given. */
    private static UUID refer(String day, String ethnicity) {
        UUID referral = UUID.randomUUID();
        OffsetDateTime receivedAt = at(day + "T09:00:00Z");
        TestEvents.publish(REFERRAL_RECEIVED, referral, received(referral, receivedAt));
        publish(referral, new ReferralAcceptedV2(referral, List.of(DIABETES), preferences(), "en", false, "65-74",
                Gender.FEMALE, "LS6", 2, ethnicity, null, List.of(), List.of(), receivedAt,
                receivedAt.plusHours(2)));
        return referral;
    }

    private static ReferralAcceptedV2.Preferences preferences() {
        return new ReferralAcceptedV2.Preferences(null, List.of(Setting.ONE_TO_ONE), List.of(Medium.IN_PERSON), true,
                null);
    }

    private static void pair(UUID referral, String day, String instrument, Number before, Number after,
            Number change, String classification) {
        TestEvents.publish(OUTCOME_RECORDED, referral, outcome(referral, UUID.randomUUID(), instrument, "BASELINE",
                at(day + "T10:00:00Z").plusDays(3), before, null, null));
        TestEvents.publish(OUTCOME_RECORDED, referral, outcome(referral, UUID.randomUUID(), instrument, "FOLLOW_UP",
                at(day + "T10:00:00Z").plusDays(90), after, change, classification));
    }

    private static void serviceUse(UUID referral, String day, Map<String, Integer> before,
            Map<String, Integer> after) {
        Map<String, Integer> change = new LinkedHashMap<>();
        before.forEach((item, count) -> change.put(item, after.get(item) - count));
        TestEvents.publish(OUTCOME_RECORDED, referral, outcome(referral, UUID.randomUUID(), "SERVICE_USE",
                "BASELINE", at(day + "T10:00:00Z").plusDays(3), before, null, null));
        TestEvents.publish(OUTCOME_RECORDED, referral, outcome(referral, UUID.randomUUID(), "SERVICE_USE",
                "FOLLOW_UP", at(day + "T10:00:00Z").plusDays(90), after, change, null));
    }

    /** SERVICE_USE's seven counts, in the definition's order. */
    private static Map<String, Integer> items(int gp, int emergency, int admissions, int nights, int gpMissed,
            int outpatient, int outpatientMissed) {
        Map<String, Integer> items = new LinkedHashMap<>();
        items.put("gpAppointments", gp);
        items.put("emergencyAttendances", emergency);
        items.put("hospitalAdmissions", admissions);
        items.put("hospitalNights", nights);
        items.put("gpAppointmentsMissed", gpMissed);
        items.put("outpatientAppointments", outpatient);
        items.put("outpatientAppointmentsMissed", outpatientMissed);
        return items;
    }

    private static void session(UUID referral, UUID peer, Setting setting, Medium medium, String attendance,
            String day, int daysLater, UUID group, UUID meeting) {
        OffsetDateTime startedAt = at(day + "T10:00:00Z").plusDays(daysLater);
        publish(referral, new SessionRecordedV2(UUID.randomUUID(), referral, peer, startedAt, 60, setting, medium,
                SessionRecorded.Attendance.valueOf(attendance), List.of(Focus.COMMUNITY_CONNECTION),
                startedAt.plusHours(2), SessionRecorded.Status.RECORDED, 1, null, null, group, meeting));
    }

    private static void goal(UUID referral, UUID goal, GoalUpdated.Status status, Integer rating, boolean created,
            String day, int daysLater) {
        publish(referral, new GoalUpdated(goal, referral, Focus.DAILY_MANAGEMENT, status, rating, null, created,
                at(day + "T12:00:00Z").plusDays(daysLater)));
    }

    private static JsonNode await(String day, String groupBy, Predicate<JsonNode> ready) {
        JsonNode[] summary = new JsonNode[1];
        // generous: the machine the suite runs on may be busy
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    var request = as("commissioner").queryParam("from", day).queryParam("to", day);
                    if (groupBy != null) {
                        request.queryParam("groupBy", groupBy);
                    }
                    summary[0] = JSON.readTree(request.get("/dashboard/summary").then().statusCode(200).extract()
                            .asString());
                    return ready.test(summary[0]);
                });
        return summary[0];
    }

    private static JsonNode instrument(JsonNode summary, String code) {
        for (JsonNode instrument : summary.path("outcomes").path("instruments")) {
            if (code.equals(instrument.path("instrument").asText())) {
                return instrument;
            }
        }
        return JSON.missingNode();
    }

    private static Map<String, Integer> cells(JsonNode cells) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        cells.forEach(cell -> counts.put(cell.path("key").asText(), cell.path("count").asInt()));
        return counts;
    }

    private static String label(JsonNode cells, String key) {
        for (JsonNode cell : cells) {
            if (key.equals(cell.path("key").asText())) {
                return cell.path("label").asText();
            }
        }
        return null;
    }
}
