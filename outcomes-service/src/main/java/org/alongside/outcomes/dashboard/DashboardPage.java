package org.alongside.outcomes.dashboard;

import static org.alongside.outcomes.dashboard.Charts.Html.escape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.alongside.outcomes.dashboard.Charts.Bar;
import org.alongside.outcomes.dashboard.DashboardSummary.Cell;
import org.alongside.outcomes.dashboard.DashboardSummary.GroupOutcome;
import org.alongside.outcomes.dashboard.DashboardSummary.InstrumentOutcome;

/**
 * The commissioner's dashboard as one server-rendered HTML page with inline SVG charts: it needs no script and
 * nothing from the internet, and shows exactly the figures of the JSON summary (same disclosure control).
 * The browser's token travels as the {@code access_token} query parameter, so the page's own links (period
 * form, CSV download) carry it on.
 */
final class DashboardPage {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'");

    private final StringBuilder html = new StringBuilder();

    private DashboardPage() {
    }

    static String render(DashboardSummary s, String accessToken, String error) {
        DashboardPage page = new DashboardPage();
        page.write(s, accessToken, error);
        return page.html.toString();
    }

    /** The page a browser without a token is sent to: a form for the token (and the period asked for). */
    static String signIn(String from, String to, String groupBy) {
        StringBuilder carried = new StringBuilder();
        for (String[] field : new String[][] {{"from", from}, {"to", to}, {"groupBy", groupBy}}) {
            if (field[1] != null && !field[1].isBlank()) {
                carried.append("<input type=\"hidden\" name=\"").append(field[0]).append("\" value=\"")
                        .append(escape(field[1])).append("\">");
            }
        }
        return head("Sign in: Alongside outcomes dashboard") + """
                <main class="sign-in">
                <h1>Alongside outcomes dashboard</h1>
                <p>The dashboard is for commissioners and administrators. Paste the access token your identity
                provider issued to you (for the local stack: <code>deploy/local/token commissioner</code>).</p>
                <form method="get" action="/dashboard">%s
                <label for="access_token">Access token</label>
                <input type="password" id="access_token" name="access_token" autocomplete="off" required>
                <button type="submit" id="sign-in">Open the dashboard</button>
                </form>
                </main></body></html>
                """.formatted(carried);
    }

    private static String head(String title) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>%s</title>
                <link rel="stylesheet" href="/assets/dashboard.css">
                </head><body>
                """.formatted(escape(title));
    }

    private void write(DashboardSummary s, String token, String error) {
        html.append(head("Alongside outcomes dashboard"));
        html.append("<header><h1>Peer support outcomes</h1><p class=\"period\">")
                .append(escape(periodText(s))).append("</p>");
        filterForm(s, token);
        html.append("<p class=\"download\"><a id=\"csv-download\" href=\"").append(escape(csvLink(s, token)))
                .append("\" download>Download these figures as CSV</a></p>");
        html.append("</header><main>");
        if (error != null) {
            html.append("<p class=\"error\" role=\"alert\">").append(escape(error)).append("</p>");
        }
        disclosureNote(s);

        section("headlines", "Headlines");
        html.append("<div class=\"cards\">");
        card("referralsReceived", "Referrals received", s.referralsReceived(), "");
        card("acceptanceRate", "Accepted at triage", s.referrals().acceptanceRate(), "%");
        card("referralsActive", "Started support", s.referralsActive(), "");
        card("medianWait", "Median wait to first session", s.waitingTimes().medianDays(), " days");
        card("sessionsAttended", "Sessions delivered", s.sessionsAttended(), "");
        card("dnaRate", "Did not attend", s.engagement().didNotAttendRate(), "%");
        card("pairedShare", "With baseline and follow-up", s.outcomes().pairedShare(), "%");
        card("referralsClosed", "Support completed or closed", s.referralsClosed(), "");
        html.append("</div></section>");

        section("over-time", "Referrals over time");
        html.append(Charts.columns("chart-referrals-by-month", "Referrals received by month",
                bars(s.referrals().byMonth(), "")));
        html.append("</section>");

        section("who", "Who is referred, and by whom");
        html.append("<div class=\"grid\">");
        figure("Referral source", Charts.bars("chart-referrer-type", "Referrals by source",
                bars(s.referrals().byReferrerType(), ""), 0));
        figure("Condition group", Charts.bars("chart-condition-group", "Referrals by condition group",
                bars(s.referrals().byConditionGroup(), ""), 0));
        figure("Deprivation (IMD decile, 1 = most deprived)", Charts.bars("chart-imd-decile",
                "Referrals by deprivation decile", bars(s.referrals().byImdDecile(), ""), 0));
        figure("Age band", Charts.bars("chart-age-band", "Referrals by age band",
                bars(s.referrals().byAgeBand(), ""), 0));
        figure("Gender", Charts.bars("chart-gender", "Referrals by gender", bars(s.referrals().byGender(), ""), 0));
        figure("Referring organisations (ODS code)", Charts.bars("chart-referrer-organisation",
                "Referrals by referring organisation", bars(s.referrals().byReferrerOrganisation(), ""), 0));
        html.append("</div></section>");

        section("triage", "Triage");
        html.append("<div class=\"cards\">");
        card("acceptanceRate2", "Accepted", s.referrals().acceptanceRate(), "%");
        card("declineRate", "Declined", s.referrals().declineRate(), "%");
        card("withdrawalRate", "Withdrawn", s.referrals().withdrawalRate(), "%");
        html.append("</div><div class=\"grid\">");
        figure("Decline reasons", Charts.bars("chart-decline-reasons", "Declined referrals by reason",
                bars(s.referrals().declineReasons(), ""), 0));
        figure("Withdrawal reasons", Charts.bars("chart-withdraw-reasons", "Withdrawn referrals by reason",
                bars(s.referrals().withdrawReasons(), ""), 0));
        html.append("</div></section>");

        section("waiting", "Waiting times: referral to first attended session");
        html.append("<div class=\"cards\">");
        card("waitPeople", "People seen", s.waitingTimes().people(), "");
        card("waitMedian", "Median", s.waitingTimes().medianDays(), " days");
        card("waitP90", "90th percentile", s.waitingTimes().p90Days(), " days");
        html.append("</div>");
        html.append(Charts.columns("chart-waiting-times", "People by days waited",
                bars(s.waitingTimes().bands(), "")));
        html.append("</section>");

        section("engagement", "Engagement");
        DashboardSummary.Engagement e = s.engagement();
        html.append("<div class=\"cards\">");
        card("engagementAttended", "Sessions delivered", e.sessionsAttended(), "");
        card("engagementDna", "Did not attend", e.didNotAttend(), "");
        card("engagementDnaRate", "DNA rate", e.didNotAttendRate(), "%");
        html.append("</div><div class=\"grid\">");
        figure("Attendance", Charts.bars("chart-attendance", "Sessions by attendance", List.of(
                Bar.of("Attended", e.sessionsAttended(), ""), Bar.of("Did not attend", e.didNotAttend(), ""),
                Bar.of("Cancelled by the person", e.cancelledByClient(), ""),
                Bar.of("Cancelled by the peer", e.cancelledByPeer(), "")), 0));
        figure("Format of sessions delivered", Charts.bars("chart-formats", "Sessions delivered by format",
                bars(e.formats(), ""), 0));
        figure("1:1 and group sessions", Charts.bars("chart-kinds", "Sessions delivered, 1:1 or group",
                bars(e.kinds(), ""), 0));
        html.append("</div></section>");

        outcomes(s.outcomes());

        section("closing", "How support ended");
        figure("Close reasons", Charts.bars("chart-close-reasons", "Closed referrals by reason",
                bars(s.referrals().closeReasons(), ""), 0));
        html.append("</section>");

        section("safeguarding", "Safeguarding");
        html.append("<div class=\"cards\">");
        card("concerns", "Concerns raised", s.safeguarding().concerns(), "");
        card("concernPeople", "People with a concern", s.safeguarding().peopleWithConcern(), "");
        card("immediateRisk", "Raised as immediate risk", s.safeguarding().immediateRisk(), "");
        html.append("</div>");
        figure("Concerns by category", Charts.bars("chart-safeguarding", "Safeguarding concerns by category",
                bars(s.safeguarding().byCategory(), ""), 0));
        html.append("</section>");

        if (s.breakdown() != null) {
            breakdown(s.breakdown());
        }
        html.append("</main><footer><p>Generated ").append(escape(GENERATED.format(s.generatedAt())))
                .append(" from the events of the referral, matching, session and outcome services.")
                .append(" Figures are about referrals received in the period and everything that followed for")
                .append(" them.</p></footer></body></html>");
    }

    private void outcomes(DashboardSummary.Outcomes o) {
        section("outcomes", "Outcomes");
        html.append("<div class=\"cards\">");
        card("startedSupport", "Started support", o.peopleStartedSupport(), "");
        card("withBaseline", "With a baseline measure", o.peopleWithBaseline(), "");
        card("withFollowUp", "With baseline and follow-up", o.peopleWithPairedFollowUp(), "");
        card("pairedShare2", "Share of people started", o.pairedShare(), "%");
        html.append("</div>");
        if (o.instruments().isEmpty()) {
            html.append("<p class=\"empty\">No outcome measures recorded for these referrals yet.</p>");
        }
        for (InstrumentOutcome i : o.instruments()) {
            String id = i.instrument().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
            html.append("<h3>").append(escape(i.instrument())).append("</h3><p class=\"instrument\">")
                    .append("People paired: <strong>").append(escape(i.peoplePaired().text())).append("</strong>")
                    .append(" &middot; mean change: <strong>").append(escape(text(i.meanChange(), "")))
                    .append("</strong> &middot; improved reliably: <strong>")
                    .append(escape(text(i.improvedShare(), "%"))).append("</strong></p>");
            html.append("<div class=\"grid\">");
            figure("Improved, by condition group (% of people paired)", Charts.bars("chart-outcome-" + id
                    + "-condition-group", i.instrument() + ": share improved by condition group",
                    outcomeBars(i.byConditionGroup()), 100));
            figure("Improved, by deprivation decile (% of people paired)", Charts.bars("chart-outcome-" + id
                    + "-imd-decile", i.instrument() + ": share improved by deprivation decile",
                    outcomeBars(i.byImdDecile()), 100));
            html.append("</div>");
        }
        html.append("</section>");
    }

    private void breakdown(DashboardSummary.Breakdown b) {
        section("breakdown", "By " + b.title().toLowerCase(java.util.Locale.ROOT));
        html.append("<table id=\"breakdown-table\"><thead><tr><th scope=\"col\">").append(escape(b.title()))
                .append("</th><th scope=\"col\">Received</th><th scope=\"col\">Accepted</th>")
                .append("<th scope=\"col\">Accepted %</th><th scope=\"col\">Started support</th>")
                .append("<th scope=\"col\">Median wait (days)</th><th scope=\"col\">Sessions delivered</th>")
                .append("<th scope=\"col\">DNA %</th><th scope=\"col\">Paired outcomes</th></tr></thead><tbody>");
        for (DashboardSummary.BreakdownRow row : b.rows()) {
            html.append("<tr><th scope=\"row\">").append(escape(row.label())).append("</th>");
            for (Figure f : List.of(row.referralsReceived(), row.referralsAccepted(), row.acceptanceRate(),
                    row.referralsActive(), row.medianWaitDays(), row.sessionsAttended(), row.didNotAttendRate(),
                    row.peoplePaired())) {
                html.append("<td>").append(escape(f.text())).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table></section>");
    }

    private void filterForm(DashboardSummary s, String token) {
        html.append("<form class=\"filters\" method=\"get\" action=\"/dashboard\">")
                .append("<input type=\"hidden\" name=\"access_token\" value=\"").append(escape(token)).append("\">")
                .append("<label>From <input type=\"date\" name=\"from\" value=\"")
                .append(s.from() == null ? "" : s.from()).append("\"></label>")
                .append("<label>To <input type=\"date\" name=\"to\" value=\"")
                .append(s.to() == null ? "" : s.to()).append("\"></label>")
                .append("<label>Break down by <select name=\"groupBy\"><option value=\"\">(none)</option>");
        for (Dimension d : Dimension.values()) {
            html.append("<option value=\"").append(d.parameter()).append('"')
                    .append(d.parameter().equals(s.groupBy()) ? " selected" : "").append('>')
                    .append(escape(d.title())).append("</option>");
        }
        html.append("</select></label><button type=\"submit\">Show</button></form>");
    }

    private void disclosureNote(DashboardSummary s) {
        DashboardSummary.DisclosureControl d = s.disclosureControl();
        html.append("<p class=\"disclosure\" id=\"disclosure-note\">");
        if (d.applied()) {
            html.append("To protect privacy, counts of 1 to ").append(d.threshold()).append(" are shown as ")
                    .append("<strong>*</strong>, other counts are rounded to the nearest ").append(d.roundingBase())
                    .append(", and a figure that would let a hidden one be worked out is hidden too. Percentages ")
                    .append("use the rounded counts, so parts may not add up exactly.");
        } else {
            html.append("Disclosure control is switched off in this environment's configuration: every figure ")
                    .append("is exact. Do not publish these figures.");
        }
        html.append("</p>");
    }

    private void section(String id, String title) {
        html.append("<section id=\"").append(id).append("\"><h2>").append(escape(title)).append("</h2>");
    }

    private void figure(String caption, String svg) {
        html.append("<figure>").append(svg).append("<figcaption>").append(escape(caption))
                .append("</figcaption></figure>");
    }

    private void card(String id, String label, Figure value, String unit) {
        html.append("<div class=\"card\"><span class=\"figure\" id=\"headline-").append(id).append("\">")
                .append(escape(text(value, unit))).append("</span><span class=\"caption\">")
                .append(escape(label)).append("</span></div>");
    }

    private static String text(Figure value, String unit) {
        if (value.suppressed()) {
            return Figure.SUPPRESSED_MARK;
        }
        return value.value() == null ? "\u2013" : value.value().toPlainString() + unit;
    }

    private static List<Bar> bars(List<Cell> cells, String unit) {
        return cells.stream().map(c -> Bar.of(c.label(), c.count(), unit)).toList();
    }

    private static List<Bar> outcomeBars(List<GroupOutcome> rows) {
        return rows.stream().map(r -> Bar.of(r.label() + " (n " + r.peoplePaired().text() + ")",
                r.improvedShare(), "%")).toList();
    }

    private static String periodText(DashboardSummary s) {
        if (s.from() == null && s.to() == null) {
            return "Referrals received at any time";
        }
        return "Referrals received " + (s.from() == null ? "up to " + s.to()
                : s.to() == null ? "from " + s.from() : "from " + s.from() + " to " + s.to());
    }

    private static String csvLink(DashboardSummary s, String token) {
        StringBuilder link = new StringBuilder("/dashboard/summary.csv?access_token=").append(encode(token));
        if (s.from() != null) {
            link.append("&from=").append(s.from());
        }
        if (s.to() != null) {
            link.append("&to=").append(s.to());
        }
        if (s.groupBy() != null) {
            link.append("&groupBy=").append(encode(s.groupBy()));
        }
        return link.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
