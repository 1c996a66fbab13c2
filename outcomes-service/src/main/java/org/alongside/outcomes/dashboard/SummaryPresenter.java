package org.alongside.outcomes.dashboard;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.alongside.outcomes.dashboard.CohortFacts.Activity;
import org.alongside.outcomes.dashboard.CohortFacts.InstrumentOutcomes;
import org.alongside.outcomes.dashboard.CohortFacts.ItemOutcome;
import org.alongside.outcomes.dashboard.CohortFacts.Outcome;
import org.alongside.outcomes.dashboard.CohortFacts.People;
import org.alongside.outcomes.dashboard.DashboardSummary.Breakdown;
import org.alongside.outcomes.dashboard.DashboardSummary.BreakdownRow;
import org.alongside.outcomes.dashboard.DashboardSummary.Cell;
import org.alongside.outcomes.dashboard.DashboardSummary.GroupOutcome;
import org.alongside.outcomes.dashboard.DashboardSummary.InstrumentOutcome;
import org.alongside.outcomes.measures.Instrument;
import org.alongside.platform.events.sessions.SignpostingUpdated;

/**
 * Turns a cohort's exact aggregates into the published summary, applying disclosure control cell by cell. Cells
 * that add up to a published total are disclosed together, so secondary suppression protects them; every rate
 * is computed from the figures as published.
 */
public final class SummaryPresenter {

    /** Caseload bands: peers by the number of people they support. */
    static final List<String> CASELOAD_BANDS = List.of("1-5", "6-10", "11-15", "16-20", "21+");

    private final Disclosure disclosure;
    private final Function<String, Optional<Instrument>> instruments;

    /** {@code instruments} finds an instrument's definition by code, for its threshold and items. */
    public SummaryPresenter(Disclosure disclosure, Function<String, Optional<Instrument>> instruments) {
        this.disclosure = disclosure;
        this.instruments = instruments;
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
                distribution(Dimension.ETHNICITY, facts), cells(new TreeMap<>(facts.referralsByMonth()), key -> key),
                cells(facts.declineReasons(), Dimension.Labels::humanise),
                cells(facts.withdrawReasons(), Dimension.Labels::humanise),
                cells(facts.closeReasons(), Dimension.Labels::humanise));

        // attendance outcomes add up to the sessions recorded, media and settings to the sessions attended
        List<Figure> attendance = disclosure.group(List.of(total.attended(), total.didNotAttend(),
                total.cancelledByClient(), total.cancelledByPeer()));
        Figure sessionsRecorded = disclosure.count(total.sessionsRecorded());
        Figure attended = attendance.get(0);
        Figure didNotAttend = attendance.get(1);
        Figure offered = disclosure.count(total.attended() + total.didNotAttend());
        long unknownMedium = total.attended() - total.inPerson() - total.telephone() - total.video()
                - total.onlineText();
        Map<String, Long> media = new LinkedHashMap<>();
        media.put("IN_PERSON", total.inPerson());
        media.put("TELEPHONE", total.telephone());
        media.put("VIDEO", total.video());
        media.put("ONLINE_TEXT", total.onlineText());
        if (unknownMedium > 0) {
            media.put(Dimension.NOT_RECORDED, unknownMedium);
        }
        Map<String, Long> settings = new LinkedHashMap<>();
        settings.put("ONE_TO_ONE", total.attended() - total.inGroup());
        settings.put("GROUP", total.inGroup());
        DashboardSummary.Engagement engagement = new DashboardSummary.Engagement(sessionsRecorded, attended,
                didNotAttend, attendance.get(2), attendance.get(3), disclosure.percent(didNotAttend, offered),
                cells(media, SummaryPresenter::mediumLabel),
                cells(settings, key -> "GROUP".equals(key) ? "Group" : "1:1"));

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
                facts.instruments().stream().map(i -> instrument(i, facts)).toList());

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
                referrals, waitingTimes, engagement, outcomes, safeguarding, delivery(facts.workforce()),
                breakdown(facts), generatedAt);
    }

    private List<Cell> distribution(Dimension dimension, CohortFacts facts) {
        return cells(withKnownKeys(dimension, facts.referralsBy().get(dimension)), labels(dimension, facts));
    }

    /** How people read the keys of {@code dimension}: a referring organisation by the name its referrals carried. */
    private static Function<String, String> labels(Dimension dimension, CohortFacts facts) {
        if (dimension != Dimension.REFERRER_ORGANISATION) {
            return dimension::label;
        }
        return key -> facts.organisationNames().getOrDefault(key, dimension.label(key));
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

    private InstrumentOutcome instrument(InstrumentOutcomes outcomes, CohortFacts facts) {
        Dimension groupBy = facts.groupBy();
        Optional<Instrument> definition = instruments.apply(outcomes.instrument());
        boolean perItem = definition.map(Instrument::perItem).orElse(false);
        boolean reliableChange = definition.map(Instrument::reliableChangeDefined).orElse(false);
        Outcome overall = outcomes.overall();
        Figure withBaseline = disclosure.count(overall.withBaseline());
        Figure paired = disclosure.count(overall.paired());
        List<Figure> change = disclosure.group(List.of(overall.improved(), overall.noReliableChange(),
                overall.deteriorated(), overall.paired() - overall.improved() - overall.noReliableChange()
                        - overall.deteriorated()));
        Figure[] mean = perItem ? notDefined() : mean(overall.change(), overall.withChange(), paired);
        Instrument.Threshold threshold = reliableChange ? definition.get().meaningfulChange() : null;
        return new InstrumentOutcome(outcomes.instrument(), withBaseline, paired,
                disclosure.percent(paired, withBaseline), mean[0], mean[1], mean[2],
                threshold == null ? null : threshold.value(), threshold == null ? null : threshold.source(),
                reliableChange ? change.get(0) : Figure.NOT_DEFINED,
                reliableChange ? change.get(1) : Figure.NOT_DEFINED,
                reliableChange ? change.get(2) : Figure.NOT_DEFINED,
                reliableChange ? disclosure.percent(change.get(0), paired) : Figure.NOT_DEFINED,
                reliableChange ? disclosure.percent(change.get(1), paired) : Figure.NOT_DEFINED,
                reliableChange ? disclosure.percent(change.get(2), paired) : Figure.NOT_DEFINED,
                items(outcomes, definition),
                groupOutcomes(Dimension.CONDITION_GROUP, outcomes.byConditionGroup(), perItem, reliableChange, facts),
                groupOutcomes(Dimension.IMD_DECILE, outcomes.byImdDecile(), perItem, reliableChange, facts),
                groupBy == null ? List.of()
                        : groupOutcomes(groupBy, outcomes.byGroup(), perItem, reliableChange, facts));
    }

    private static Figure[] notDefined() {
        return new Figure[] {Figure.NOT_DEFINED, Figure.NOT_DEFINED, Figure.NOT_DEFINED};
    }

    /** The mean change and its 95% interval, each disclosed as a statistic over the people it is over. */
    private Figure[] mean(Statistics.Mean change, long people, Figure base) {
        if (change == null) {
            return new Figure[] {Figure.NONE, Figure.NONE, Figure.NONE};
        }
        return new Figure[] {disclosure.statistic(change.mean(), people, base, 2),
            disclosure.statistic(change.lower(), people, base, 2),
            disclosure.statistic(change.upper(), people, base, 2)};
    }

    /** Items in the definition's order; totals and rates only for counts over a fixed recall period. */
    private List<DashboardSummary.ItemOutcome> items(InstrumentOutcomes outcomes, Optional<Instrument> definition) {
        Integer months = definition.map(Instrument::recallMonths).orElse(null);
        Map<String, String> labels = new LinkedHashMap<>();
        definition.ifPresent(d -> d.items().forEach(item -> labels.put(item.key(),
                item.text() == null ? item.key() : item.text())));
        List<ItemOutcome> found = new ArrayList<>(outcomes.items());
        List<String> order = new ArrayList<>(labels.keySet());
        found.sort(Comparator.comparing((ItemOutcome item) -> order.indexOf(item.item()) < 0 ? Integer.MAX_VALUE
                : order.indexOf(item.item())).thenComparing(ItemOutcome::item));
        List<DashboardSummary.ItemOutcome> items = new ArrayList<>();
        for (ItemOutcome item : found) {
            Figure paired = disclosure.count(item.paired());
            Figure before = months == null ? Figure.NOT_DEFINED : disclosure.count(Math.round(item.totalBefore()));
            Figure after = months == null ? Figure.NOT_DEFINED : disclosure.count(Math.round(item.totalAfter()));
            Figure[] mean = mean(item.change(), item.paired(), paired);
            items.add(new DashboardSummary.ItemOutcome(item.item(), labels.getOrDefault(item.item(), item.item()),
                    paired, before, after,
                    months == null ? Figure.NOT_DEFINED : disclosure.ratePerPersonMonth(before, paired, months),
                    months == null ? Figure.NOT_DEFINED : disclosure.ratePerPersonMonth(after, paired, months),
                    mean[0], mean[1], mean[2]));
        }
        return items;
    }

    private List<GroupOutcome> groupOutcomes(Dimension dimension, Map<String, Outcome> byGroup, boolean perItem,
            boolean reliableChange, CohortFacts facts) {
        Function<String, String> label = labels(dimension, facts);
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
            Figure[] mean = perItem ? notDefined() : mean(outcome.change(), outcome.withChange(), paired.get(i));
            rows.add(new GroupOutcome(keys.get(i), label.apply(keys.get(i)), paired.get(i), mean[0], mean[1],
                    mean[2], reliableChange ? disclosure.percent(improved.get(i), paired.get(i)) : Figure.NOT_DEFINED));
        }
        return rows;
    }

    private DashboardSummary.Delivery delivery(CohortFacts.Workforce w) {
        Map<String, Long> bands = new LinkedHashMap<>();
        CASELOAD_BANDS.forEach(band -> bands.put(band, 0L));
        long peers = 0;
        long people = 0;
        for (Map.Entry<Long, Long> caseload : w.peersByCaseload().entrySet()) {
            long size = caseload.getKey();
            String band = size <= 5 ? "1-5" : size <= 10 ? "6-10" : size <= 15 ? "11-15" : size <= 20 ? "16-20" : "21+";
            bands.merge(band, caseload.getValue(), Long::sum);
            peers += caseload.getValue();
            people += size * caseload.getValue();
        }
        Figure peersWithCaseload = disclosure.count(peers);
        Map<String, Long> progress = new LinkedHashMap<>();
        progress.put("HIGHER", w.goalsImproved());
        progress.put("SAME", w.goalsUnchanged());
        progress.put("LOWER", w.goalsWorse());
        List<Figure> group = disclosure.group(List.of(w.groupAttendances(), w.groupDidNotAttend()));

        // matches by what they shared add up to the matches whose sharing is known
        Map<String, Long> sharing = known(CohortFacts.Workforce.SHARING, w.matchesBySharing());
        long sharingKnown = sharing.values().stream().mapToLong(Long::longValue).sum();
        Figure matchesKnown = disclosure.count(sharingKnown);
        List<Cell> shared = cells(sharing, key -> switch (key) {
            case "CONDITION" -> "Shared a condition";
            case "CONDITION_GROUP" -> "Shared a condition group (not the condition)";
            default -> "Shared neither";
        });
        // peers by supervision add up to the peers with a caseload
        List<Cell> supervision = cells(known(CohortFacts.Workforce.SUPERVISION, w.peersBySupervision()),
                key -> switch (key) {
                    case "WITHIN_INTERVAL" -> "Supervised in the last " + w.supervisionIntervalDays() + " days";
                    case "OVERDUE" -> "Last supervised longer ago";
                    default -> "No supervision recorded";
                });
        // resources by take-up add up to those linked to, and so do they by kind
        Map<String, Long> made = new LinkedHashMap<>();
        Map<String, Long> takenUpByKind = new LinkedHashMap<>();
        for (SignpostingUpdated.Category kind : SignpostingUpdated.Category.values()) {
            CohortFacts.Signposts signposts = w.signpostingByCategory().getOrDefault(kind.name(),
                    new CohortFacts.Signposts(0, 0, 0));
            made.put(kind.name(), signposts.made());
            takenUpByKind.put(kind.name(), signposts.takenUp());
        }
        long linked = made.values().stream().mapToLong(Long::longValue).sum();
        long takenUp = takenUpByKind.values().stream().mapToLong(Long::longValue).sum();
        long notTakenUp = w.signpostingByCategory().values().stream().mapToLong(CohortFacts.Signposts::notTakenUp)
                .sum();
        Map<String, Long> takeUp = new LinkedHashMap<>();
        takeUp.put("TAKEN_UP", takenUp);
        takeUp.put("NOT_TAKEN_UP", notTakenUp);
        takeUp.put("NOT_KNOWN", linked - takenUp - notTakenUp);
        Figure signpostingMade = disclosure.count(linked);
        List<Cell> takeUpCells = cells(takeUp, Dimension.Labels::humanise);

        return new DashboardSummary.Delivery(peersWithCaseload,
                disclosure.statistic(peers == 0 ? null : (double) people / peers, peers, peersWithCaseload, 1),
                cells(bands, band -> band + " people"), disclosure.count(w.goals()),
                disclosure.count(w.peopleWithGoals()), disclosure.count(w.goalsRatedTwice()),
                cells(progress, key -> switch (key) {
                    case "HIGHER" -> "Rated higher than first";
                    case "SAME" -> "Rated the same";
                    default -> "Rated lower than first";
                }), disclosure.count(w.goalsAchieved()), disclosure.count(w.groupMeetings()), group.get(0),
                disclosure.count(w.peopleInGroups()), disclosure.percent(group.get(1),
                        disclosure.count(w.groupAttendances() + w.groupDidNotAttend())),
                matchesKnown, shared, disclosure.percent(shared.get(0).count(), matchesKnown),
                disclosure.percent(disclosure.count(sharing.get("CONDITION") + sharing.get("CONDITION_GROUP")),
                        matchesKnown),
                w.supervisionIntervalDays(), supervision,
                disclosure.percent(supervision.get(0).count(), peersWithCaseload),
                signpostingMade, takeUpCells, disclosure.percent(takeUpCells.get(0).count(), signpostingMade),
                cells(made, Dimension.Labels::humanise), cells(takenUpByKind, Dimension.Labels::humanise));
    }

    /** The counts of {@code keys}, in their order, 0 for any not found. */
    private static Map<String, Long> known(List<String> keys, Map<String, Long> found) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        keys.forEach(key -> ordered.put(key, found.getOrDefault(key, 0L)));
        return ordered;
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
        Function<String, String> label = labels(dimension, facts);
        List<BreakdownRow> result = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Activity row = rows.get(i);
            Figure offered = disclosure.count(row.attended() + row.didNotAttend());
            Figure waited = disclosure.count(row.waited());
            result.add(new BreakdownRow(keys.get(i), label.apply(keys.get(i)), received.get(i), accepted.get(i),
                    disclosure.percent(accepted.get(i), received.get(i)), active.get(i),
                    disclosure.statistic(row.medianWaitDays(), row.waited(), waited, 1), attended.get(i),
                    disclosure.percent(didNotAttend.get(i), offered), paired.get(i)));
        }
        return new Breakdown(dimension.parameter(), dimension.title(), result);
    }

    private static String mediumLabel(String key) {
        return switch (key) {
            case "IN_PERSON" -> "In person";
            case "ONLINE_TEXT" -> "Online (text)";
            case Dimension.NOT_RECORDED -> "Not recorded";
            default -> Dimension.Labels.humanise(key);
        };
    }
}
