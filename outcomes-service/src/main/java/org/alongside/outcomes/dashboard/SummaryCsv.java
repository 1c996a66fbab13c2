package org.alongside.outcomes.dashboard;

import java.util.List;
import org.alongside.outcomes.dashboard.DashboardSummary.Cell;
import org.alongside.outcomes.dashboard.DashboardSummary.GroupOutcome;

/**
 * The summary as CSV, one figure per row ({@code section,key,label,measure,value}), so it opens in a spreadsheet
 * and filters by section. Suppressed figures are "*", as in published NHS tables; text cells that a spreadsheet
 * would run as a formula are prefixed with an apostrophe.
 */
public final class SummaryCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private final StringBuilder csv = new StringBuilder();

    private SummaryCsv() {
    }

    public static String write(DashboardSummary s) {
        SummaryCsv out = new SummaryCsv();
        out.csv.append("section,key,label,measure,value\r\n");
        out.text("about", "period", "from", s.from() == null ? "" : s.from().toString());
        out.text("about", "period", "to", s.to() == null ? "" : s.to().toString());
        out.text("about", "disclosureControl", "applied", Boolean.toString(s.disclosureControl().applied()));
        out.text("about", "disclosureControl", "threshold", Integer.toString(s.disclosureControl().threshold()));
        out.text("about", "disclosureControl", "roundingBase",
                Integer.toString(s.disclosureControl().roundingBase()));
        out.text("about", "generatedAt", "generatedAt", s.generatedAt().toString());

        out.figure("referrals", "", "", "referralsReceived", s.referralsReceived());
        out.figure("referrals", "", "", "referralsAccepted", s.referralsAccepted());
        out.figure("referrals", "", "", "referralsDeclined", s.referralsDeclined());
        out.figure("referrals", "", "", "referralsWithdrawn", s.referralsWithdrawn());
        out.figure("referrals", "", "", "referralsMatched", s.referralsMatched());
        out.figure("referrals", "", "", "referralsActive", s.referralsActive());
        out.figure("referrals", "", "", "referralsClosed", s.referralsClosed());
        DashboardSummary.Referrals r = s.referrals();
        out.figure("referrals", "", "", "acceptanceRate", r.acceptanceRate());
        out.figure("referrals", "", "", "declineRate", r.declineRate());
        out.figure("referrals", "", "", "withdrawalRate", r.withdrawalRate());
        out.figure("referrals", "", "", "startedSupportRate", r.startedSupportRate());
        out.cells("referralsByReferrerType", "referrals", r.byReferrerType());
        out.cells("referralsByReferrerOrganisation", "referrals", r.byReferrerOrganisation());
        out.cells("referralsByConditionGroup", "referrals", r.byConditionGroup());
        out.cells("referralsByImdDecile", "referrals", r.byImdDecile());
        out.cells("referralsByAgeBand", "referrals", r.byAgeBand());
        out.cells("referralsByGender", "referrals", r.byGender());
        out.cells("referralsByMonth", "referrals", r.byMonth());
        out.cells("declineReasons", "referrals", r.declineReasons());
        out.cells("withdrawReasons", "referrals", r.withdrawReasons());
        out.cells("closeReasons", "referrals", r.closeReasons());

        DashboardSummary.WaitingTimes w = s.waitingTimes();
        out.figure("waitingTimes", "", "", "people", w.people());
        out.figure("waitingTimes", "", "", "medianDays", w.medianDays());
        out.figure("waitingTimes", "", "", "p90Days", w.p90Days());
        out.cells("waitingTimeBands", "people", w.bands());

        DashboardSummary.Engagement e = s.engagement();
        out.figure("engagement", "", "", "sessionsRecorded", e.sessionsRecorded());
        out.figure("engagement", "", "", "sessionsAttended", e.sessionsAttended());
        out.figure("engagement", "", "", "didNotAttend", e.didNotAttend());
        out.figure("engagement", "", "", "cancelledByClient", e.cancelledByClient());
        out.figure("engagement", "", "", "cancelledByPeer", e.cancelledByPeer());
        out.figure("engagement", "", "", "didNotAttendRate", e.didNotAttendRate());
        out.cells("sessionFormats", "sessionsAttended", e.formats());
        out.cells("sessionKinds", "sessionsAttended", e.kinds());

        DashboardSummary.Outcomes o = s.outcomes();
        out.figure("outcomes", "", "", "peopleStartedSupport", o.peopleStartedSupport());
        out.figure("outcomes", "", "", "peopleWithBaseline", o.peopleWithBaseline());
        out.figure("outcomes", "", "", "peopleWithPairedFollowUp", o.peopleWithPairedFollowUp());
        out.figure("outcomes", "", "", "pairedShare", o.pairedShare());
        for (DashboardSummary.InstrumentOutcome i : o.instruments()) {
            String section = "outcomes." + i.instrument();
            out.figure(section, "", "", "peopleWithBaseline", i.peopleWithBaseline());
            out.figure(section, "", "", "peoplePaired", i.peoplePaired());
            out.figure(section, "", "", "pairedShare", i.pairedShare());
            out.figure(section, "", "", "meanChange", i.meanChange());
            out.figure(section, "", "", "improved", i.improved());
            out.figure(section, "", "", "noReliableChange", i.noReliableChange());
            out.figure(section, "", "", "deteriorated", i.deteriorated());
            out.figure(section, "", "", "improvedShare", i.improvedShare());
            out.groupOutcomes(section + ".byConditionGroup", i.byConditionGroup());
            out.groupOutcomes(section + ".byImdDecile", i.byImdDecile());
            if (s.groupBy() != null) {
                out.groupOutcomes(section + ".by." + s.groupBy(), i.byGroup());
            }
        }

        DashboardSummary.Safeguarding g = s.safeguarding();
        out.figure("safeguarding", "", "", "concerns", g.concerns());
        out.figure("safeguarding", "", "", "peopleWithConcern", g.peopleWithConcern());
        out.figure("safeguarding", "", "", "immediateRisk", g.immediateRisk());
        out.cells("safeguardingByCategory", "concerns", g.byCategory());

        if (s.breakdown() != null) {
            String section = "breakdown." + s.breakdown().dimension();
            for (DashboardSummary.BreakdownRow row : s.breakdown().rows()) {
                out.figure(section, row.key(), row.label(), "referralsReceived", row.referralsReceived());
                out.figure(section, row.key(), row.label(), "referralsAccepted", row.referralsAccepted());
                out.figure(section, row.key(), row.label(), "acceptanceRate", row.acceptanceRate());
                out.figure(section, row.key(), row.label(), "referralsActive", row.referralsActive());
                out.figure(section, row.key(), row.label(), "medianWaitDays", row.medianWaitDays());
                out.figure(section, row.key(), row.label(), "sessionsAttended", row.sessionsAttended());
                out.figure(section, row.key(), row.label(), "didNotAttendRate", row.didNotAttendRate());
                out.figure(section, row.key(), row.label(), "peoplePaired", row.peoplePaired());
            }
        }
        return out.csv.toString();
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
