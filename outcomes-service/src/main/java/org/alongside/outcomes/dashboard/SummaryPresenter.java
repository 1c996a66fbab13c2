package org.alongside.outcomes.dashboard;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.alongside.outcomes.dashboard.CohortFacts.Activity;
import org.alongside.outcomes.dashboard.CohortFacts.InstrumentOutcomes;
import org.alongside.outcomes.dashboard.CohortFacts.Outcome;
import org.alongside.outcomes.dashboard.CohortFacts.People;
import org.alongside.outcomes.dashboard.DashboardSummary.Breakdown;
import org.alongside.outcomes.dashboard.DashboardSummary.BreakdownRow;
import org.alongside.outcomes.dashboard.DashboardSummary.Cell;
import org.alongside.outcomes.dashboard.DashboardSummary.GroupOutcome;
import org.alongside.outcomes.dashboard.DashboardSummary.InstrumentOutcome;

/**
 * Turns a cohort's exact aggregates into the published summary, applying disclosure control cell by cell. Cells
 * that add up to a published total are disclosed together, so secondary suppression protects them; every rate
 * is computed from the figures as published.
 */
public final class SummaryPresenter {

    private final Disclosure disclosure;

    public SummaryPresenter(Disclosure disclosure) {
        this.disclosure = disclosure;
    }

    public DashboardSummary present(ReportingPeriod period, CohortFacts facts, OffsetDateTime generatedAt) {
        Activity total = facts.total();
        Figure received = disclosure.count(total.received());
        Figure accepted = disclosure.count(total.accepted());
        Figure declined = disclosure.count(total.declined());
        Figure withdrawn = disclosure.count(total.withdrawn());
        Figure started = disclosure.count(total.started());

        DashboardSummary.Referrals referrals = new DashboardSummary.Referrals(
                disclosure.percent(accepted, received), disclosure.percent(declined, received),
                disclosure.percent(withdrawn, received), disclosure.percent(started, received),
                distribution(Dimension.REFERRER_TYPE, facts), distribution(Dimension.REFERRER_ORGANISATION, facts),
                distribution(Dimension.CONDITION_GROUP, facts), distribution(Dimension.IMD_DECILE, facts),
                distribution(Dimension.AGE_BAND, facts), distribution(Dimension.GENDER, facts),
                cells(new TreeMap<>(facts.referralsByMonth()), key -> key),
                cells(facts.declineReasons(), Dimension.Labels::humanise),
                cells(facts.withdrawReasons(), Dimension.Labels::humanise),
                cells(facts.closeReasons(), Dimension.Labels::humanise));

        // attendance outcomes add up to the sessions recorded, formats and kinds to the sessions attended
        List<Figure> attendance = disclosure.group(List.of(total.attended(), total.didNotAttend(),
                total.cancelledByClient(), total.cancelledByPeer()));
        Figure sessionsRecorded = disclosure.count(total.sessionsRecorded());
        Figure attended = attendance.get(0);
        Figure didNotAttend = attendance.get(1);
        Figure offered = disclosure.count(total.attended() + total.didNotAttend());
        long unknownFormat = total.attended() - total.inPerson() - total.telephone() - total.video()
                - total.onlineText();
        Map<String, Long> formats = new LinkedHashMap<>();
        formats.put("IN_PERSON", total.inPerson());
        formats.put("TELEPHONE", total.telephone());
        formats.put("VIDEO", total.video());
        formats.put("ONLINE_TEXT", total.onlineText());
        if (unknownFormat > 0) {
            formats.put(Dimension.NOT_RECORDED, unknownFormat);
        }
        Map<String, Long> kinds = new LinkedHashMap<>();
        kinds.put("ONE_TO_ONE", total.attended() - total.inGroup());
        kinds.put("GROUP", total.inGroup());
        DashboardSummary.Engagement engagement = new DashboardSummary.Engagement(sessionsRecorded, attended,
                didNotAttend, attendance.get(2), attendance.get(3), disclosure.percent(didNotAttend, offered),
                cells(formats, SummaryPresenter::formatLabel),
                cells(kinds, key -> "GROUP".equals(key) ? "Group" : "1:1"));

        Figure waited = disclosure.count(total.waited());
        Map<String, Long> bands = new LinkedHashMap<>();
        for (int i = 0; i < CohortFacts.WAIT_BANDS.size(); i++) {
            bands.put(CohortFacts.WAIT_BANDS.get(i), total.waitBands().get(i));
        }
        DashboardSummary.WaitingTimes waitingTimes = new DashboardSummary.WaitingTimes(waited,
                disclosure.statistic(total.medianWaitDays(), total.waited(), waited, 1),
                disclosure.statistic(total.p90WaitDays(), total.waited(), waited, 1),
                cells(bands, key -> key + " days"));

        People people = facts.people();
        Figure paired = disclosure.count(people.withPairedFollowUp());
        DashboardSummary.Outcomes outcomes = new DashboardSummary.Outcomes(started,
                disclosure.count(people.withBaseline()), paired, disclosure.percent(paired, started),
                facts.instruments().stream().map(i -> instrument(i, facts.groupBy())).toList());

        CohortFacts.Concerns concerns = facts.concerns();
        DashboardSummary.Safeguarding safeguarding = new DashboardSummary.Safeguarding(
                disclosure.count(concerns.concerns()), disclosure.count(concerns.people()),
                disclosure.count(concerns.immediateRisk()), cells(concerns.byCategory(), Dimension.Labels::humanise));

        return new DashboardSummary(period.from(), period.to(),
                facts.groupBy() == null ? null : facts.groupBy().parameter(),
                received, accepted, declined, withdrawn, disclosure.count(total.matched()), started,
                disclosure.count(total.closed()), sessionsRecorded, attended,
                new DashboardSummary.DisclosureControl(disclosure.enabled(), disclosure.threshold(),
                        disclosure.roundingBase(), Figure.SUPPRESSED_MARK),
                referrals, waitingTimes, engagement, outcomes, safeguarding, breakdown(facts), generatedAt);
    }

    private List<Cell> distribution(Dimension dimension, CohortFacts facts) {
        return cells(withKnownKeys(dimension, facts.referralsBy().get(dimension)), dimension::label);
    }

    /** The dimension's known categories first (0 when absent), then any others found, not recorded last. */
    private static <T> Map<String, T> withKnownKeys(Dimension dimension, Map<String, T> found, T zero) {
        Map<String, T> ordered = new LinkedHashMap<>();
        dimension.knownKeys().forEach(key -> ordered.put(key, found.getOrDefault(key, zero)));
        found.forEach((key, value) -> {
            if (!Dimension.NOT_RECORDED.equals(key)) {
                ordered.putIfAbsent(key, value);
            }
        });
        if (found.containsKey(Dimension.NOT_RECORDED)) {
            ordered.put(Dimension.NOT_RECORDED, found.get(Dimension.NOT_RECORDED));
        }
        return ordered;
    }

    private static Map<String, Long> withKnownKeys(Dimension dimension, Map<String, Long> found) {
        return withKnownKeys(dimension, found, 0L);
    }

    /** Cells that add up to a total, disclosed together. */
    private List<Cell> cells(Map<String, Long> counts, Function<String, String> label) {
        List<String> keys = new ArrayList<>(counts.keySet());
        List<Figure> figures = disclosure.group(keys.stream().map(counts::get).toList());
        List<Cell> cells = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            cells.add(new Cell(keys.get(i), label.apply(keys.get(i)), figures.get(i)));
        }
        return cells;
    }

    private InstrumentOutcome instrument(InstrumentOutcomes instrument, Dimension groupBy) {
        Outcome overall = instrument.overall();
        Figure withBaseline = disclosure.count(overall.withBaseline());
        Figure paired = disclosure.count(overall.paired());
        List<Figure> change = disclosure.group(List.of(overall.improved(), overall.noReliableChange(),
                overall.deteriorated(), overall.paired() - overall.improved() - overall.noReliableChange()
                        - overall.deteriorated()));
        return new InstrumentOutcome(instrument.instrument(), withBaseline, paired,
                disclosure.percent(paired, withBaseline),
                disclosure.statistic(overall.meanChange(), overall.withChange(), paired, 2),
                change.get(0), change.get(1), change.get(2), disclosure.percent(change.get(0), paired),
                groupOutcomes(Dimension.CONDITION_GROUP, instrument.byConditionGroup()),
                groupOutcomes(Dimension.IMD_DECILE, instrument.byImdDecile()),
                groupBy == null ? List.of() : groupOutcomes(groupBy, instrument.byGroup()));
    }

    private List<GroupOutcome> groupOutcomes(Dimension dimension, Map<String, Outcome> byGroup) {
        Map<String, Outcome> ordered = new LinkedHashMap<>();
        withKnownKeys(dimension, byGroup, Outcome.none()).forEach((key, outcome) -> {
            if (outcome.withBaseline() > 0) {
                ordered.put(key, outcome);
            }
        });
        List<String> keys = new ArrayList<>(ordered.keySet());
        List<Figure> paired = disclosure.group(keys.stream().map(k -> ordered.get(k).paired()).toList());
        List<Figure> improved = disclosure.group(keys.stream().map(k -> ordered.get(k).improved()).toList());
        List<GroupOutcome> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Outcome outcome = ordered.get(keys.get(i));
            rows.add(new GroupOutcome(keys.get(i), dimension.label(keys.get(i)), paired.get(i),
                    disclosure.statistic(outcome.meanChange(), outcome.withChange(), paired.get(i), 2),
                    disclosure.percent(improved.get(i), paired.get(i))));
        }
        return rows;
    }

    private Breakdown breakdown(CohortFacts facts) {
        Dimension dimension = facts.groupBy();
        if (dimension == null) {
            return null;
        }
        Map<String, Activity> byGroup = withKnownKeys(dimension, facts.activityByGroup(), Activity.none());
        List<String> keys = new ArrayList<>(byGroup.keySet());
        List<Activity> rows = keys.stream().map(byGroup::get).toList();
        // each column adds up to its total, so each is disclosed as a group
        List<Figure> received = disclosure.group(rows.stream().map(Activity::received).toList());
        List<Figure> accepted = disclosure.group(rows.stream().map(Activity::accepted).toList());
        List<Figure> active = disclosure.group(rows.stream().map(Activity::started).toList());
        List<Figure> attended = disclosure.group(rows.stream().map(Activity::attended).toList());
        List<Figure> didNotAttend = disclosure.group(rows.stream().map(Activity::didNotAttend).toList());
        List<Figure> paired = disclosure.group(keys.stream()
                .map(key -> facts.peopleByGroup().getOrDefault(key, new People(0, 0)).withPairedFollowUp())
                .toList());
        List<BreakdownRow> result = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Activity row = rows.get(i);
            Figure offered = disclosure.count(row.attended() + row.didNotAttend());
            Figure waited = disclosure.count(row.waited());
            result.add(new BreakdownRow(keys.get(i), dimension.label(keys.get(i)), received.get(i), accepted.get(i),
                    disclosure.percent(accepted.get(i), received.get(i)), active.get(i),
                    disclosure.statistic(row.medianWaitDays(), row.waited(), waited, 1), attended.get(i),
                    disclosure.percent(didNotAttend.get(i), offered), paired.get(i)));
        }
        return new Breakdown(dimension.parameter(), dimension.title(), result);
    }

    private static String formatLabel(String key) {
        return switch (key) {
            case "IN_PERSON" -> "In person";
            case "ONLINE_TEXT" -> "Online (text)";
            case Dimension.NOT_RECORDED -> "Not recorded";
            default -> Dimension.Labels.humanise(key);
        };
    }
}
