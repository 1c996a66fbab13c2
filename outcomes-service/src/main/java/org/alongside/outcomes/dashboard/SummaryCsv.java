package org.alongside.outcomes.dashboard;

import java.util.List;
import org.alongside.outcomes.dashboard.DashboardSummary.Cell;
import org.alongside.outcomes.dashboard.DashboardSummary.GroupOutcome;

/**
 * The summary as CSV, one figure per row ({@code section,key,label,measure,value}), so it opens in a spreadsheet
 * and filters by section. Suppressed figures are "*", as in published NHS tables, and a measure without meaning for
 * an instrument is "not defined" (never 0); text cells that a spreadsheet
 * would run as a formula are prefixed with an apostrophe.
 */
public final class SummaryCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    /** Every instrument's outcomes are always broken down by these: a groupBy of either adds no section. */
    private static final List<String> FIXED_OUTCOME_BREAKDOWNS = List.of(Dimension.CONDITION_GROUP.parameter(),
            Dimension.IMD_DECILE.parameter());

    private final StringBuilder csv = new StringBuilder();

    private SummaryCsv() {
    }

    public static String write(DashboardSummary s) {
        SummaryCsv out = new SummaryCsv();
        out.csv.append("section,key,label,measure,value\r\n");
        out.about(s);
        out.referrals(s);
        out.waitingTimes(s.waitingTimes());
        out.engagement(s.engagement());
        out.outcomes(s.outcomes(), s.groupBy());
        out.safeguarding(s.safeguarding());
        out.delivery(s.delivery());
        if (s.breakdown() != null) {
            out.breakdown(s.breakdown());
        }
        return out.csv.toString();
    }

    /** The period asked for, the disclosure control the figures went through, when they were read. */
    private void about(DashboardSummary s) {
        text("about", "period", "from", s.from() == null ? "" : s.from().toString());
        text("about", "period", "to", s.to() == null ? "" : s.to().toString());
        text("about", "disclosureControl", "applied", Boolean.toString(s.disclosureControl().applied()));
        text("about", "disclosureControl", "threshold", Integer.toString(s.disclosureControl().threshold()));
        text("about", "disclosureControl", "roundingBase", Integer.toString(s.disclosureControl().roundingBase()));
        text("about", "generatedAt", "generatedAt", s.generatedAt().toString());
    }

    private void referrals(DashboardSummary s) {
        figure("referrals", "", "", "referralsReceived", s.referralsReceived());
        figure("referrals", "", "", "referralsAccepted", s.referralsAccepted());
        figure("referrals", "", "", "referralsDeclined", s.referralsDeclined());
        figure("referrals", "", "", "referralsWithdrawn", s.referralsWithdrawn());
        figure("referrals", "", "", "referralsMatched", s.referralsMatched());
        figure("referrals", "", "", "referralsActive", s.referralsActive());
        figure("referrals", "", "", "referralsClosed", s.referralsClosed());
        DashboardSummary.Referrals r = s.referrals();
        figure("referrals", "", "", "acceptanceRate", r.acceptanceRate());
        figure("referrals", "", "", "declineRate", r.declineRate());
        figure("referrals", "", "", "withdrawalRate", r.withdrawalRate());
        figure("referrals", "", "", "startedSupportRate", r.startedSupportRate());
        cells("referralsByReferrerType", "referrals", r.byReferrerType());
        cells("referralsByReferrerOrganisation", "referrals", r.byReferrerOrganisation());
        cells("referralsByConditionGroup", "referrals", r.byConditionGroup());
        cells("referralsByImdDecile", "referrals", r.byImdDecile());
        cells("referralsByAgeBand", "referrals", r.byAgeBand());
        cells("referralsByGender", "referrals", r.byGender());
        cells("referralsByEthnicity", "referrals", r.byEthnicity());
        cells("referralsByMonth", "referrals", r.byMonth());
        cells("declineReasons", "referrals", r.declineReasons());
        cells("withdrawReasons", "referrals", r.withdrawReasons());
        cells("closeReasons", "referrals", r.closeReasons());
    }

    private void waitingTimes(DashboardSummary.WaitingTimes w) {
        figure("waitingTimes", "", "", "people", w.people());
        figure("waitingTimes", "", "", "medianDays", w.medianDays());
        figure("waitingTimes", "", "", "p90Days", w.p90Days());
        cells("waitingTimeBands", "people", w.bands());
    }

    private void engagement(DashboardSummary.Engagement e) {
        figure("engagement", "", "", "sessionsRecorded", e.sessionsRecorded());
        figure("engagement", "", "", "sessionsAttended", e.sessionsAttended());
        figure("engagement", "", "", "didNotAttend", e.didNotAttend());
        figure("engagement", "", "", "cancelledByClient", e.cancelledByClient());
        figure("engagement", "", "", "cancelledByPeer", e.cancelledByPeer());
        figure("engagement", "", "", "didNotAttendRate", e.didNotAttendRate());
        cells("sessionMedia", "sessionsAttended", e.media());
        cells("sessionSettings", "sessionsAttended", e.settings());
    }

    /**
     * The cohort's measures, then each instrument's section with its items and one section per breakdown: the
     * groupBy's own only when it is not already one of the fixed two (condition group, deprivation decile).
     */
    private void outcomes(DashboardSummary.Outcomes o, String groupBy) {
        figure("outcomes", "", "", "peopleStartedSupport", o.peopleStartedSupport());
        figure("outcomes", "", "", "peopleWithBaseline", o.peopleWithBaseline());
        figure("outcomes", "", "", "peopleWithPairedFollowUp", o.peopleWithPairedFollowUp());
        figure("outcomes", "", "", "pairedShare", o.pairedShare());
        for (DashboardSummary.InstrumentOutcome i : o.instruments()) {
            String section = "outcomes." + i.instrument();
            figure(section, "", "", "peopleWithBaseline", i.peopleWithBaseline());
            figure(section, "", "", "peoplePaired", i.peoplePaired());
            figure(section, "", "", "pairedShare", i.pairedShare());
            figure(section, "", "", "meanChange", i.meanChange());
            figure(section, "", "", "meanChangeLower95", i.meanChangeLower95());
            figure(section, "", "", "meanChangeUpper95", i.meanChangeUpper95());
            row(section, "", "", "reliableChangeThreshold", i.reliableChangeThreshold() == null ? Figure.NOT_DEFINED_TEXT
                    : i.reliableChangeThreshold().toPlainString());
            figure(section, "", "", "improved", i.improved());
            figure(section, "", "", "noReliableChange", i.noReliableChange());
            figure(section, "", "", "deteriorated", i.deteriorated());
            figure(section, "", "", "improvedShare", i.improvedShare());
            figure(section, "", "", "noReliableChangeShare", i.noReliableChangeShare());
            figure(section, "", "", "deterioratedShare", i.deterioratedShare());
            for (DashboardSummary.ItemOutcome item : i.items()) {
                String items = section + ".items";
                figure(items, item.item(), item.label(), "peoplePaired", item.peoplePaired());
                figure(items, item.item(), item.label(), "totalBefore", item.totalBefore());
                figure(items, item.item(), item.label(), "totalAfter", item.totalAfter());
                figure(items, item.item(), item.label(), "ratePerPersonMonthBefore", item.ratePerPersonMonthBefore());
                figure(items, item.item(), item.label(), "ratePerPersonMonthAfter", item.ratePerPersonMonthAfter());
                figure(items, item.item(), item.label(), "meanChange", item.meanChange());
                figure(items, item.item(), item.label(), "meanChangeLower95", item.meanChangeLower95());
                figure(items, item.item(), item.label(), "meanChangeUpper95", item.meanChangeUpper95());
            }
            groupOutcomes(section + ".byConditionGroup", i.byConditionGroup());
            groupOutcomes(section + ".byImdDecile", i.byImdDecile());
            if (groupBy != null && !FIXED_OUTCOME_BREAKDOWNS.contains(groupBy)) {
                groupOutcomes(section + ".by." + groupBy, i.byGroup());
            }
        }
    }

    private void delivery(DashboardSummary.Delivery d) {
        figure("delivery", "", "", "peersWithCaseload", d.peersWithCaseload());
        figure("delivery", "", "", "meanCaseload", d.meanCaseload());
        cells("caseloads", "peers", d.caseloads());
        figure("delivery", "", "", "goalsSet", d.goalsSet());
        figure("delivery", "", "", "peopleWithGoals", d.peopleWithGoals());
        figure("delivery", "", "", "goalsRatedTwice", d.goalsRatedTwice());
        cells("goalProgress", "goals", d.goalProgress());
        figure("delivery", "", "", "goalsAchieved", d.goalsAchieved());
        figure("delivery", "", "", "groupMeetings", d.groupMeetings());
        figure("delivery", "", "", "groupAttendances", d.groupAttendances());
        figure("delivery", "", "", "peopleInGroups", d.peopleInGroups());
        figure("delivery", "", "", "groupDidNotAttendRate", d.groupDidNotAttendRate());
        figure("delivery", "", "", "matchesWithSharingKnown", d.matchesWithSharingKnown());
        cells("sharedLivedExperience", "matches", d.sharedLivedExperience());
        figure("delivery", "", "", "sharedConditionShare", d.sharedConditionShare());
        figure("delivery", "", "", "sharedConditionOrGroupShare", d.sharedConditionOrGroupShare());
        row("delivery", "", "", "supervisionIntervalDays", Long.toString(d.supervisionIntervalDays()));
        cells("supervision", "peers", d.supervision());
        figure("delivery", "", "", "supervisedWithinIntervalShare", d.supervisedWithinIntervalShare());
        figure("delivery", "", "", "signpostingMade", d.signpostingMade());
        cells("signpostingTakeUp", "resources", d.signpostingTakeUp());
        figure("delivery", "", "", "signpostingTakenUpShare", d.signpostingTakenUpShare());
        cells("signpostingByCategory", "resources", d.signpostingByCategory());
        cells("signpostingTakenUpByCategory", "resourcesTakenUp", d.signpostingTakenUpByCategory());
    }

    private void safeguarding(DashboardSummary.Safeguarding g) {
        figure("safeguarding", "", "", "concerns", g.concerns());
        figure("safeguarding", "", "", "peopleWithConcern", g.peopleWithConcern());
        figure("safeguarding", "", "", "immediateRisk", g.immediateRisk());
        cells("safeguardingByCategory", "concerns", g.byCategory());
    }

    private void breakdown(DashboardSummary.Breakdown b) {
        String section = "breakdown." + b.dimension();
        for (DashboardSummary.BreakdownRow row : b.rows()) {
            figure(section, row.key(), row.label(), "referralsReceived", row.referralsReceived());
            figure(section, row.key(), row.label(), "referralsAccepted", row.referralsAccepted());
            figure(section, row.key(), row.label(), "acceptanceRate", row.acceptanceRate());
            figure(section, row.key(), row.label(), "referralsActive", row.referralsActive());
            figure(section, row.key(), row.label(), "medianWaitDays", row.medianWaitDays());
            figure(section, row.key(), row.label(), "sessionsAttended", row.sessionsAttended());
            figure(section, row.key(), row.label(), "didNotAttendRate", row.didNotAttendRate());
            figure(section, row.key(), row.label(), "peoplePaired", row.peoplePaired());
        }
    }

    private void cells(String section, String measure, List<Cell> cells) {
        cells.forEach(cell -> figure(section, cell.key(), cell.label(), measure, cell.count()));
    }

    private void groupOutcomes(String section, List<GroupOutcome> rows) {
        for (GroupOutcome row : rows) {
            figure(section, row.key(), row.label(), "peoplePaired", row.peoplePaired());
            figure(section, row.key(), row.label(), "meanChange", row.meanChange());
            figure(section, row.key(), row.label(), "improvedShare", row.improvedShare());
        }
    }

    private void figure(String section, String key, String label, String measure, Figure value) {
        row(section, key, label, measure, value.text());
    }

    private void text(String section, String key, String measure, String value) {
        row(section, key, "", measure, cell(value));
    }

    private void row(String section, String key, String label, String measure, String value) {
        csv.append(cell(section)).append(',').append(cell(key)).append(',').append(cell(label)).append(',')
                .append(cell(measure)).append(',').append(value.contains(",") ? quote(value) : value).append("\r\n");
    }

    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? quote(safe) : safe;
    }

    private static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
