package org.alongside.outcomes.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a commissioner sees about the referrals received in a period: aggregates only, never an id, every figure
 * after disclosure control. The counts at the top level are those the first version of the summary had.
 */
@Schema(name = "DashboardSummary", description = """
        Figures over the cohort of referrals received in the period (all referrals when the period is open) and
        everything that followed for them: sessions, outcome measures and safeguarding concerns, whenever they
        happened. A referral counts once for each milestone it has reached. Every figure is a Figure: a number,
        "*" when suppressed by disclosure control, or null when there is nothing to compute it from.""")
public record DashboardSummary(
        @Schema(description = "First day of the period, as asked (null when open)") LocalDate from,
        @Schema(description = "Last day of the period, as asked (null when open)") LocalDate to,
        @Schema(description = "The groupBy asked for (null when none)") String groupBy,
        @Schema(description = "Referrals received") Figure referralsReceived,
        @Schema(description = "Of those, accepted at triage") Figure referralsAccepted,
        @Schema(description = "Of those, declined at triage") Figure referralsDeclined,
        @Schema(description = "Of those, withdrawn by the person or referrer") Figure referralsWithdrawn,
        @Schema(description = "Of those, matched with a peer") Figure referralsMatched,
        @Schema(description = "Of those, active: at least one session attended") Figure referralsActive,
        @Schema(description = "Of those, closed after support") Figure referralsClosed,
        @Schema(description = "Sessions recorded for those referrals, whatever the attendance") Figure sessionsRecorded,
        @Schema(description = "Of those sessions, attended") Figure sessionsAttended,
        DisclosureControl disclosureControl,
        Referrals referrals,
        WaitingTimes waitingTimes,
        Engagement engagement,
        Outcomes outcomes,
        Safeguarding safeguarding,
        @Schema(description = "Every measure per value of groupBy; null without groupBy") Breakdown breakdown,
        @Schema(description = "When these figures were read") OffsetDateTime generatedAt) {

    @Schema(name = "DisclosureControl", description = "The disclosure control these figures went through")
    public record DisclosureControl(
            @Schema(description = "False only where configuration switched it off; then every figure is exact")
            boolean applied,
            @Schema(description = "Counts from 1 to this are suppressed", example = "7") int threshold,
            @Schema(description = "Other counts are rounded to the nearest multiple of this", example = "5")
            int roundingBase,
            @Schema(description = "How a suppressed figure is shown", example = "*") String suppressedMarker) {
    }

    @Schema(name = "DashboardCell", description = "One category of a breakdown and its count")
    public record Cell(
            @Schema(description = "The category's code, NOT_RECORDED when the events did not say") String key,
            @Schema(description = "The category as people read it") String label,
            Figure count) {
    }

    @Schema(name = "DashboardReferrals", description = "Where referrals came from, who they are about, and what triage decided")
    public record Referrals(
            @Schema(description = "Accepted, as a percentage of received") Figure acceptanceRate,
            @Schema(description = "Declined, as a percentage of received") Figure declineRate,
            @Schema(description = "Withdrawn, as a percentage of received") Figure withdrawalRate,
            @Schema(description = "Started support (attended a session), as a percentage of received") Figure startedSupportRate,
            @Schema(description = "By referral source (referrer type)") List<Cell> byReferrerType,
            @Schema(description = "By referring organisation (ODS code)") List<Cell> byReferrerOrganisation,
            @Schema(description = "By condition group of the first condition listed (SNOMED CT mapping)") List<Cell> byConditionGroup,
            @Schema(description = "By deprivation decile (IMD, 1 = most deprived)") List<Cell> byImdDecile,
            @Schema(description = "By age band at referral") List<Cell> byAgeBand,
            @Schema(description = "By gender") List<Cell> byGender,
            @Schema(description = "By calendar month of receipt (YYYY-MM, reporting time zone)") List<Cell> byMonth,
            @Schema(description = "Declined referrals by coded reason") List<Cell> declineReasons,
            @Schema(description = "Withdrawn referrals by coded reason") List<Cell> withdrawReasons,
            @Schema(description = "Closed referrals by coded reason") List<Cell> closeReasons) {
    }

    @Schema(name = "DashboardWaitingTimes", description = "Whole days (days completed) from receipt to the first attended session")
    public record WaitingTimes(
            @Schema(description = "People who have had a first attended session") Figure people,
            @Schema(description = "Median wait in days") Figure medianDays,
            @Schema(description = "90th percentile wait in days") Figure p90Days,
            @Schema(description = "People by wait in days: 0-13, 14-27, 28-55, 56-83, 84+") List<Cell> bands) {
    }

    @Schema(name = "DashboardEngagement", description = "Sessions of the cohort, as last recorded")
    public record Engagement(
            Figure sessionsRecorded,
            @Schema(description = "Sessions delivered (attended); a group session counts once per person") Figure sessionsAttended,
            Figure didNotAttend,
            Figure cancelledByClient,
            Figure cancelledByPeer,
            @Schema(description = "Did not attend, as a percentage of sessions attended or missed (cancellations excluded)") Figure didNotAttendRate,
            @Schema(description = "Attended sessions by format") List<Cell> formats,
            @Schema(description = "Attended sessions, 1:1 or in a group (no kind recorded counts as 1:1)") List<Cell> kinds) {
    }

    @Schema(name = "DashboardOutcomes", description = """
            Outcome measures of the cohort. A person is paired on an instrument when they have a BASELINE and a
            later FOLLOW_UP measurement; their change is the latest follow-up's change from the first baseline.""")
    public record Outcomes(
            @Schema(description = "People who attended at least one session") Figure peopleStartedSupport,
            @Schema(description = "People with a baseline on at least one instrument") Figure peopleWithBaseline,
            @Schema(description = "People with a paired baseline and follow-up on at least one instrument") Figure peopleWithPairedFollowUp,
            @Schema(description = "People paired, as a percentage of people who started support") Figure pairedShare,
            List<InstrumentOutcome> instruments) {
    }

    @Schema(name = "DashboardInstrumentOutcome", description = """
            Change on one instrument. meanChange is follow-up minus baseline in the instrument's own units: higher
            is better for SWEMWBS, WEMWBS and SEMCD6, lower is better for PHQ9, GAD7 and UCLA3; improvedShare uses
            each measure's reliable-change rule, so it reads the same way for all. ONS4 items are never summed, so
            it has no mean change.""")
    public record InstrumentOutcome(
            String instrument,
            Figure peopleWithBaseline,
            Figure peoplePaired,
            @Schema(description = "People paired, as a percentage of people with a baseline") Figure pairedShare,
            Figure meanChange,
            Figure improved,
            Figure noReliableChange,
            Figure deteriorated,
            @Schema(description = "Improved, as a percentage of people paired") Figure improvedShare,
            List<GroupOutcome> byConditionGroup,
            List<GroupOutcome> byImdDecile,
            @Schema(description = "By the groupBy dimension; empty without groupBy") List<GroupOutcome> byGroup) {
    }

    @Schema(name = "DashboardGroupOutcome", description = "Change on one instrument for one group of people")
    public record GroupOutcome(String key, String label, Figure peoplePaired, Figure meanChange, Figure improvedShare) {
    }

    @Schema(name = "DashboardSafeguarding", description = "Safeguarding concerns raised for the cohort: counts only")
    public record Safeguarding(
            Figure concerns,
            @Schema(description = "People with at least one concern") Figure peopleWithConcern,
            @Schema(description = "Concerns raised as an immediate risk") Figure immediateRisk,
            List<Cell> byCategory) {
    }

    @Schema(name = "DashboardBreakdown", description = "The headline measures for each value of the groupBy dimension")
    public record Breakdown(String dimension, String title, List<BreakdownRow> rows) {
    }

    @Schema(name = "DashboardBreakdownRow")
    public record BreakdownRow(
            String key,
            String label,
            Figure referralsReceived,
            Figure referralsAccepted,
            Figure acceptanceRate,
            @Schema(description = "Referrals with at least one attended session") Figure referralsActive,
            Figure medianWaitDays,
            Figure sessionsAttended,
            Figure didNotAttendRate,
            @Schema(description = "People with a paired baseline and follow-up on at least one instrument") Figure peoplePaired) {
    }
}
