package org.alongside.outcomes.dashboard;

import java.util.List;
import java.util.Map;

/**
 * The exact aggregates of one cohort of referrals (those received in a period), as read from the fact tables,
 * before disclosure control, and the referring organisations' names by ODS code. Never leaves the service as it is.
 */
public record CohortFacts(
        Activity total,
        Dimension groupBy,
        Map<String, Activity> activityByGroup,
        Map<Dimension, Map<String, Long>> referralsBy,
        Map<String, Long> referralsByMonth,
        Map<String, Long> declineReasons,
        Map<String, Long> withdrawReasons,
        Map<String, Long> closeReasons,
        People people,
        Map<String, People> peopleByGroup,
        List<InstrumentOutcomes> instruments,
        Concerns concerns,
        Workforce workforce,
        Map<String, String> organisationNames) {

    /** Waiting-time bands, in whole days from receipt to the first attended session. */
    public static final List<String> WAIT_BANDS = List.of("0-13", "14-27", "28-55", "56-83", "84+");

    /** Referral milestones and session counters of a set of referrals. */
    public record Activity(long received, long accepted, long declined, long withdrawn, long matched, long started,
            long closed, long sessionsRecorded, long attended, long didNotAttend, long cancelledByClient,
            long cancelledByPeer, long inPerson, long telephone, long video, long onlineText, long inGroup,
            long waited, Double medianWaitDays, Double p90WaitDays, List<Long> waitBands) {

        public Activity withWaits(Double median, Double p90) {
            return new Activity(received, accepted, declined, withdrawn, matched, started, closed, sessionsRecorded,
                    attended, didNotAttend, cancelledByClient, cancelledByPeer, inPerson, telephone, video,
                    onlineText, inGroup, waited, median, p90, waitBands);
        }

        public static Activity none() {
            return new Activity(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null,
                    WAIT_BANDS.stream().map(b -> 0L).toList());
        }
    }

    /** People with outcome measures, over every instrument. */
    public record People(long withBaseline, long withPairedFollowUp) {
    }

    /**
     * Change on one instrument among people with a baseline and a paired follow-up: the mean change with its 95%
     * confidence interval (null without values), and the people each reliable-change classification counts.
     */
    public record Outcome(long withBaseline, long paired, long withChange, Statistics.Mean change, long improved,
            long noReliableChange, long deteriorated) {

        public static Outcome none() {
            return new Outcome(0, 0, 0, null, 0, 0, 0);
        }
    }

    /**
     * One item of an item-by-item instrument (ONS4, SERVICE_USE) among people who answered it at baseline and
     * follow-up: the items' totals before and after, and the mean change with its confidence interval.
     */
    public record ItemOutcome(String item, long paired, double totalBefore, double totalAfter,
            Statistics.Mean change) {
    }

    public record InstrumentOutcomes(String instrument, Outcome overall, List<ItemOutcome> items,
            Map<String, Outcome> byConditionGroup, Map<String, Outcome> byImdDecile, Map<String, Outcome> byGroup) {
    }

    /**
     * How the cohort's support is delivered: peers' caseloads of its people now (matches accepted and not ended) and
     * those peers by supervision against the policy interval, its matches by the lived experience they shared, its
     * goals, its places at group meetings and its signposting by kind of resource.
     */
    public record Workforce(Map<Long, Long> peersByCaseload, long goals, long peopleWithGoals, long goalsRatedTwice,
            long goalsImproved, long goalsUnchanged, long goalsWorse, long goalsAchieved, long groupMeetings,
            long groupAttendances, long groupDidNotAttend, long peopleInGroups, Map<String, Long> matchesBySharing,
            long supervisionIntervalDays, Map<String, Long> peersBySupervision,
            Map<String, Signposts> signpostingByCategory) {

        /** Supervision of a peer against the policy interval. */
        public static final List<String> SUPERVISION = List.of("WITHIN_INTERVAL", "OVERDUE", "NONE_RECORDED");
        /** What lived experience a match shared, as match.accepted says. */
        public static final List<String> SHARING = List.of("CONDITION", "CONDITION_GROUP", "NONE");

        public static Workforce none() {
            return new Workforce(Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), 28, Map.of(), Map.of());
        }
    }

    /** Resources of one kind the cohort's people were linked to, and how many they took up or did not. */
    public record Signposts(long made, long takenUp, long notTakenUp) {
    }

    public record Concerns(long concerns, long people, long immediateRisk, Map<String, Long> byCategory) {
    }
}
