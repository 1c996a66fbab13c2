package org.alongside.console.api.outcomes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The commissioning summary as outcomes-service gives it: aggregates only, after disclosure control. */
public final class Dashboard {

    private Dashboard() {
    }

    public static final List<String> GROUP_BY = List.of("referrerType", "referrerOrganisation", "conditionGroup",
            "imdDecile", "ethnicity", "ageBand", "gender");

    /**
     * A figure as outcomes-service types it: a number, {"suppressed": true} when disclosure control withholds it,
     * {"notDefined": true} where the measure has no meaning, or null when there is nothing to compute it from.
     */
    public record Figure(BigDecimal value, boolean suppressed, boolean notDefined) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Figure of(JsonNode json) {
            if (json == null || json.isNull()) {
                return new Figure(null, false, false);
            }
            if (json.isNumber()) {
                return new Figure(json.decimalValue(), false, false);
            }
            return new Figure(null, json.path("suppressed").asBoolean(), json.path("notDefined").asBoolean());
        }

        public boolean shown() {
            return value != null;
        }

        /** What a person reads: the figure, * when suppressed, "not defined", a dash when there is none. */
        @Override
        public String toString() {
            return suppressed ? "*" : notDefined ? "not defined" : value == null ? "–" : value.toPlainString();
        }
    }

    public record Summary(LocalDate from, LocalDate to, String groupBy, Figure referralsReceived,
            Figure referralsAccepted, Figure referralsDeclined, Figure referralsWithdrawn, Figure referralsMatched,
            Figure referralsActive, Figure referralsClosed, Figure sessionsRecorded, Figure sessionsAttended,
            DisclosureControl disclosureControl, Referrals referrals, WaitingTimes waitingTimes,
            Engagement engagement, Outcomes outcomes, Safeguarding safeguarding, Delivery delivery,
            Breakdown breakdown,
            OffsetDateTime generatedAt) {
    }

    public record DisclosureControl(boolean applied, int threshold, int roundingBase, String suppressedMarker) {
    }

    public record Cell(String key, String label, Figure count) {
    }

    public record Referrals(Figure acceptanceRate, Figure declineRate, Figure withdrawalRate,
            Figure startedSupportRate, List<Cell> byReferrerType, List<Cell> byConditionGroup, List<Cell> byImdDecile,
            List<Cell> byAgeBand, List<Cell> byGender, List<Cell> byEthnicity, List<Cell> byMonth,
            List<Cell> declineReasons, List<Cell> closeReasons) {
    }

    public record WaitingTimes(Figure people, Figure medianDays, Figure p90Days, List<Cell> bands) {
    }

    public record Engagement(Figure sessionsRecorded, Figure sessionsAttended, Figure didNotAttend,
            Figure didNotAttendRate, List<Cell> media, List<Cell> settings) {
    }

    public record Outcomes(Figure peopleStartedSupport, Figure peopleWithBaseline, Figure peopleWithPairedFollowUp,
            Figure pairedShare, List<InstrumentOutcome> instruments) {
    }

    public record InstrumentOutcome(String instrument, Figure peopleWithBaseline, Figure peoplePaired,
            Figure meanChange, Figure meanChangeLower95, Figure meanChangeUpper95, Figure improved,
            Figure noReliableChange, Figure deteriorated, Figure improvedShare, List<ItemOutcome> items,
            List<GroupOutcome> byConditionGroup, List<GroupOutcome> byImdDecile) {
    }

    public record ItemOutcome(String item, String label, Figure peoplePaired, Figure totalBefore, Figure totalAfter,
            Figure ratePerPersonMonthBefore, Figure ratePerPersonMonthAfter, Figure meanChange,
            Figure meanChangeLower95, Figure meanChangeUpper95) {
    }

    public record GroupOutcome(String key, String label, Figure peoplePaired, Figure meanChange,
            Figure meanChangeLower95, Figure meanChangeUpper95, Figure improvedShare) {
    }

    /**
     * The workforce: peers' caseloads and supervision against the policy interval, whether matches shared the
     * person's lived experience, goals, group meetings and signposting made and taken up.
     */
    public record Delivery(Figure peersWithCaseload, Figure meanCaseload, List<Cell> caseloads, Figure goalsSet,
            Figure peopleWithGoals, Figure goalsRatedTwice, List<Cell> goalProgress, Figure goalsAchieved,
            Figure groupMeetings, Figure groupAttendances, Figure peopleInGroups, Figure groupDidNotAttendRate,
            Figure matchesWithSharingKnown, List<Cell> sharedLivedExperience, Figure sharedConditionShare,
            Figure sharedConditionOrGroupShare, long supervisionIntervalDays, List<Cell> supervision,
            Figure supervisedWithinIntervalShare, Figure signpostingMade, List<Cell> signpostingTakeUp,
            Figure signpostingTakenUpShare, List<Cell> signpostingByCategory,
            List<Cell> signpostingTakenUpByCategory) {
    }

    public record Safeguarding(Figure concerns, Figure peopleWithConcern, Figure immediateRisk, List<Cell> byCategory) {
    }

    public record Breakdown(String dimension, String title, List<BreakdownRow> rows) {
    }

    public record BreakdownRow(String key, String label, Figure referralsReceived, Figure referralsAccepted,
            Figure acceptanceRate, Figure referralsActive, Figure medianWaitDays, Figure sessionsAttended,
            Figure didNotAttendRate, Figure peoplePaired) {
    }
}
