package org.alongside.outcomes.dashboard;

import java.math.BigDecimal;
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
        {"suppressed": true} when disclosure control withholds it, {"notDefined": true} where the measure has no
        meaning, or null when there is nothing to compute it from.""")
public record DashboardSummary(
        @Schema(description = "First day of the period, as asked (absent when open)") LocalDate from,
        @Schema(description = "Last day of the period, as asked (absent when open)") LocalDate to,
        @Schema(description = "The groupBy asked for (absent when none)") String groupBy,
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
        Delivery delivery,
        @Schema(description = "Every measure per value of groupBy; absent without groupBy") Breakdown breakdown,
        @Schema(description = "When these figures were read") OffsetDateTime generatedAt) {

    @Schema(name = "DisclosureControl", description = "The disclosure control these figures went through")
    public record DisclosureControl(
            @Schema(description = "False only where configuration switched it off; then every figure is exact")
            boolean applied,
            @Schema(description = "Counts from 1 to this are suppressed", example = "7") int threshold,
            @Schema(description = "Other counts are rounded to the nearest multiple of this", example = "5")
            int roundingBase,
            @Schema(description = "How CSV and the page show a suppressed figure (JSON: {\"suppressed\": true})",
                    example = "*") String suppressedMarker) {
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
            @Schema(description = "By referring organisation: key its ODS code, label the organisation's name as the "
                    + "latest referral received with one carried it (the code when none did)")
            List<Cell> byReferrerOrganisation,
            @Schema(description = "By condition group of the first condition listed (SNOMED CT mapping)") List<Cell> byConditionGroup,
            @Schema(description = "By deprivation decile (IMD, 1 = most deprived)") List<Cell> byImdDecile,
            @Schema(description = "By age band at referral") List<Cell> byAgeBand,
            @Schema(description = "By gender") List<Cell> byGender,
            @Schema(description = "By NHS ethnic category, as the person gave it at intake (A-S, Z not stated, 99 not "
                    + "known)") List<Cell> byEthnicity,
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
            @Schema(description = "Attended sessions by medium (IN_PERSON, TELEPHONE, VIDEO, ONLINE_TEXT)") List<Cell> media,
            @Schema(description = "Attended sessions by setting (ONE_TO_ONE, GROUP)") List<Cell> settings) {
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
            Change on one instrument among people paired on it. meanChange is follow-up minus baseline in the
            instrument's own units (higher is better for SWEMWBS, WEMWBS and SEMCD6, lower for PHQ9, GAD7 and
            UCLA3), with its 95% confidence interval (Student's t). The improved / no reliable change / deteriorated
            counts and shares exist only where the instrument has a documented reliable-change threshold
            (reliableChangeThreshold); otherwise each is {"notDefined": true}, never 0. Item-by-item instruments
            (ONS4, SERVICE_USE) are never summed: their meanChange is not defined and items has each item.""")
    public record InstrumentOutcome(
            String instrument,
            Figure peopleWithBaseline,
            Figure peoplePaired,
            @Schema(description = "People paired, as a percentage of people with a baseline") Figure pairedShare,
            Figure meanChange,
            @Schema(description = "Lower end of the 95% confidence interval of the mean change") Figure meanChangeLower95,
            @Schema(description = "Upper end of the 95% confidence interval of the mean change") Figure meanChangeUpper95,
            @Schema(description = "The reliable-change threshold in force, in the instrument's units; absent when "
                    + "the instrument has no documented one") BigDecimal reliableChangeThreshold,
            @Schema(description = "Where the threshold comes from; absent without one") String reliableChangeSource,
            Figure improved,
            Figure noReliableChange,
            Figure deteriorated,
            @Schema(description = "Improved, as a percentage of people paired") Figure improvedShare,
            @Schema(description = "No reliable change, as a percentage of people paired") Figure noReliableChangeShare,
            @Schema(description = "Deteriorated, as a percentage of people paired") Figure deterioratedShare,
            @Schema(description = "Each item of an item-by-item instrument; empty for others") List<ItemOutcome> items,
            List<GroupOutcome> byConditionGroup,
            List<GroupOutcome> byImdDecile,
            @Schema(description = "By the groupBy dimension; empty without groupBy") List<GroupOutcome> byGroup) {
    }

    @Schema(name = "DashboardItemOutcome", description = """
            One item of an item-by-item instrument among people who answered it at baseline and at follow-up. For
            counts over a recall period (SERVICE_USE: A&E attendances, emergency admissions, bed days, GP and
            outpatient appointments attended and missed) the totals before (baseline) and after (follow-up) and the
            rates per person-month (total / (people x recall months)); for scores (ONS4) these are not defined.""")
    public record ItemOutcome(
            String item,
            String label,
            Figure peoplePaired,
            Figure totalBefore,
            Figure totalAfter,
            Figure ratePerPersonMonthBefore,
            Figure ratePerPersonMonthAfter,
            Figure meanChange,
            Figure meanChangeLower95,
            Figure meanChangeUpper95) {
    }

    @Schema(name = "DashboardGroupOutcome", description = "Change on one instrument for one group of people")
    public record GroupOutcome(String key, String label, Figure peoplePaired, Figure meanChange,
            Figure meanChangeLower95, Figure meanChangeUpper95,
            @Schema(description = "Improved, as a percentage of people paired; not defined without a threshold")
            Figure improvedShare) {
    }

    @Schema(name = "DashboardDelivery", description = """
            How the cohort's support is delivered: the peers supporting its people now (matches accepted and not
            ended) and their supervision against the policy interval, whether its matches shared the person's lived
            experience, its goals, its places at group meetings, and the community resources its people were linked
            to and took up.""")
    public record Delivery(
            @Schema(description = "Peers supporting at least one of the cohort now") Figure peersWithCaseload,
            @Schema(description = "Mean people per peer with a caseload") Figure meanCaseload,
            @Schema(description = "Peers by the number of the cohort's people they support now") List<Cell> caseloads,
            @Schema(description = "Goals set in people's wellness plans") Figure goalsSet,
            @Schema(description = "People with at least one goal") Figure peopleWithGoals,
            @Schema(description = "Goals rated for progress at least twice") Figure goalsRatedTwice,
            @Schema(description = "Goals rated twice, by latest rating against the first (higher, the same, lower)")
            List<Cell> goalProgress,
            @Schema(description = "Goals whose latest status is achieved") Figure goalsAchieved,
            @Schema(description = "Group meetings a person of the cohort attended") Figure groupMeetings,
            @Schema(description = "Places taken at group meetings (one per person per meeting)") Figure groupAttendances,
            @Schema(description = "People who attended at least one group meeting") Figure peopleInGroups,
            @Schema(description = "Group places missed, as a percentage of places attended or missed")
            Figure groupDidNotAttendRate,
            @Schema(description = "The cohort's matches (a transfer is a new match) whose acceptance said what lived "
                    + "experience the peer shares with the person") Figure matchesWithSharingKnown,
            @Schema(description = "Those matches by what the peer shares: CONDITION (one of the person's conditions), "
                    + "CONDITION_GROUP (not the condition, one of its group in matching's taxonomy), NONE")
            List<Cell> sharedLivedExperience,
            @Schema(description = "Matches sharing a condition, as a percentage of matches whose sharing is known")
            Figure sharedConditionShare,
            @Schema(description = "Matches sharing a condition or a condition group, as a percentage of matches "
                    + "whose sharing is known") Figure sharedConditionOrGroupShare,
            @Schema(description = "The supervision policy interval, in days (session-service's, "
                    + "alongside.supervision.interval)", example = "28") long supervisionIntervalDays,
            @Schema(description = "Peers with a caseload by their latest supervision: WITHIN_INTERVAL (held on or "
                    + "after the day supervisionIntervalDays before today), OVERDUE (before that), NONE_RECORDED")
            List<Cell> supervision,
            @Schema(description = "Peers with a caseload supervised within the interval, as a percentage of them")
            Figure supervisedWithinIntervalShare,
            @Schema(description = "Community resources the cohort's people were linked to") Figure signpostingMade,
            @Schema(description = "Those by take-up as last recorded: TAKEN_UP, NOT_TAKEN_UP, NOT_KNOWN")
            List<Cell> signpostingTakeUp,
            @Schema(description = "Taken up, as a percentage of resources linked to") Figure signpostingTakenUpShare,
            @Schema(description = "Resources linked to, by kind of resource") List<Cell> signpostingByCategory,
            @Schema(description = "Resources taken up, by kind of resource") List<Cell> signpostingTakenUpByCategory) {
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
