package org.alongside.outcomes.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alongside.outcomes.dashboard.Charts.Bar;
import org.alongside.outcomes.dashboard.DashboardSummary.Breakdown;
import org.alongside.outcomes.dashboard.DashboardSummary.Cell;
import org.alongside.outcomes.dashboard.DashboardSummary.Engagement;
import org.alongside.outcomes.dashboard.DashboardSummary.GroupOutcome;
import org.alongside.outcomes.dashboard.DashboardSummary.InstrumentOutcome;

/**
 * The commissioner's dashboard as one server-rendered HTML page with inline SVG charts: it needs no script and
 * nothing from the internet, and shows exactly the figures of the JSON summary (same disclosure control).
 * The browser's token travels as the {@code access_token} query parameter, so the page's own links (period
 * form, CSV download) carry it on. The markup is in templates/DashboardPage (Qute, checked when the service is
 * built); what it shows of a figure and the charts (drawn by {@link Charts}) are the template extensions below.
 */
final class DashboardPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardSummary s, String token, String error,
                List<Dimension> dimensions);

        static native TemplateInstance signIn(List<HiddenField> carried);
    }

    /** A value the sign-in form carries on to the dashboard. */
    record HiddenField(String name, String value) {
    }

    private DashboardPage() {
    }

    static String render(DashboardSummary s, String accessToken, String error) {
        return Templates.dashboard(s, accessToken, error, List.of(Dimension.values())).render();
    }

    /** The page a browser without a token is sent to: a form for the token (and the period asked for). */
    static String signIn(String from, String to, String groupBy) {
        List<HiddenField> carried = new ArrayList<>();
        for (HiddenField field : List.of(new HiddenField("from", from), new HiddenField("to", to),
                new HiddenField("groupBy", groupBy))) {
            if (field.value() != null && !field.value().isBlank()) {
                carried.add(field);
            }
        }
        return Templates.signIn(carried).render();
    }

    /**
     * A figure as a card or a sentence shows it: "*" when suppressed, "not defined" where it has no meaning, a dash
     * when there is nothing to show.
     */
    @TemplateExtension
    static String display(Figure value, String unit) {
        if (value.suppressed() || value.notDefined()) {
            return value.text();
        }
        return value.value() == null ? "\u2013" : value.value().toPlainString() + unit;
    }

    @TemplateExtension
    static String periodText(DashboardSummary s) {
        if (s.from() == null && s.to() == null) {
            return "Referrals received at any time";
        }
        return "Referrals received " + (s.from() == null ? "up to " + s.to()
                : s.to() == null ? "from " + s.from() : "from " + s.from() + " to " + s.to());
    }

    /** The same figures as CSV, carrying the token and the period on. */
    @TemplateExtension
    static String csvLink(DashboardSummary s, String token) {
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

    @TemplateExtension
    static String heading(Breakdown b) {
        return "By " + b.title().toLowerCase(Locale.ROOT);
    }

    /** Vertical bars of the counts, for a sequence such as months. */
    @TemplateExtension(namespace = "chart")
    static RawString columns(String id, String title, List<Cell> cells) {
        return new RawString(Charts.columns(id, title, bars(cells)));
    }

    /** Horizontal bars of the counts, for categories. */
    @TemplateExtension(namespace = "chart")
    static RawString bars(String id, String title, List<Cell> cells) {
        return new RawString(Charts.bars(id, title, bars(cells), 0));
    }

    @TemplateExtension(namespace = "chart")
    static RawString attendance(Engagement e) {
        return new RawString(Charts.bars("chart-attendance", "Sessions by attendance", List.of(
                Bar.of("Attended", e.sessionsAttended(), ""), Bar.of("Did not attend", e.didNotAttend(), ""),
                Bar.of("Cancelled by the person", e.cancelledByClient(), ""),
                Bar.of("Cancelled by the peer", e.cancelledByPeer(), "")), 0));
    }

    /** The share of people paired on an instrument who improved, by group, on a scale of 100%. */
    @TemplateExtension(namespace = "chart")
    static RawString improved(InstrumentOutcome instrument, String by, String byTitle, List<GroupOutcome> rows) {
        String id = instrument.instrument().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return new RawString(Charts.bars("chart-outcome-" + id + "-" + by,
                instrument.instrument() + ": share improved by " + byTitle, rows.stream()
                        .map(r -> Bar.of(r.label() + " (n " + r.peoplePaired().text() + ")", r.improvedShare(), "%"))
                        .toList(), 100));
    }

    private static List<Bar> bars(List<Cell> cells) {
        return cells.stream().map(c -> Bar.of(c.label(), c.count(), "")).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
