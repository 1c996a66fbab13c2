package org.alongside.console.api.outcomes;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The commissioning summary as outcomes-service gives it: aggregates only, after disclosure control. */
public final class Dashboard {

    private Dashboard() {
    }

    public static final List<String> GROUP_BY = List.of("referrerType", "referrerOrganisation", "conditionGroup",
            "imdDecile", "ageBand", "gender");

    /**
     * A number; {@code {"suppressed": true}} when disclosure control withheld it (shown as *); {@code {"notDefined":
     * true}} where the measure has no meaning (shown as "not defined", never 0); or nothing when there is nothing
     * to compute it from.
     */
    public record Figure(String text, boolean number) {

        private static final String SUPPRESSED = "*";

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Figure of(Object value) {
            if (value instanceof Map<?, ?> flag) {
                return new Figure(Boolean.TRUE.equals(flag.get("suppressed")) ? SUPPRESSED : "not defined", false);
            }
            return new Figure(value == null ? null : value.toString(), value != null);
        }

        public boolean suppressed() {
            return SUPPRESSED.equals(text);
        }

        /** The figure with its unit (e.g. %) when it is a number; as {@link #toString()} otherwise. */
        public String withUnit(String unit) {
            return number ? text + unit : toString();
        }

        /** What a person reads: the figure, * when suppressed, "not defined", a dash when there is none. */
        @Override
        public String toString() {
            return text == null ? "–" : text;
        }
    }

    public record Summary(LocalDate from, LocalDate to, String groupBy, Figure referralsReceived,
            Figure referralsAccepted, Figure referralsDeclined, Figure referralsWithdrawn, Figure referralsMatched,
            Figure referralsActive, Figure referralsClosed, Figure sessionsRecorded, Figure sessionsAttended,
            DisclosureControl disclosureControl, Referrals referrals, WaitingTimes waitingTimes,
            Engagement engagement, Outcomes outcomes, Safeguarding safeguarding, Breakdown breakdown,
            OffsetDateTime generatedAt) {
    }

    public record DisclosureControl(boolean applied, int threshold, int roundingBase, String suppressedMarker) {
    }

    public record Cell(String key, String label, Figure count) {
    }

    public record Referrals(Figure acceptanceRate, Figure declineRate, Figure withdrawalRate,
            Figure startedSupportRate, List<Cell> byReferrerType, List<Cell> byConditionGroup, List<Cell> byImdDecile,
            List<Cell> byAgeBand, List<Cell> byGender, List<Cell> byMonth, List<Cell> declineReasons) {
    }

    public record WaitingTimes(Figure people, Figure medianDays, Figure p90Days, List<Cell> bands) {
    }

    public record Engagement(Figure sessionsRecorded, Figure sessionsAttended, Figure didNotAttend,
            Figure didNotAttendRate, List<Cell> media) {
    }

    public record Outcomes(Figure peopleStartedSupport, Figure peopleWithBaseline, Figure peopleWithPairedFollowUp,
            Figure pairedShare, List<InstrumentOutcome> instruments) {
    }

    public record InstrumentOutcome(String instrument, Figure peopleWithBaseline, Figure peoplePaired,
            Figure meanChange, Figure improved, Figure noReliableChange, Figure deteriorated, Figure improvedShare) {
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
