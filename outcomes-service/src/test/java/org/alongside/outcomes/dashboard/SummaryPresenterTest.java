package org.alongside.outcomes.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.alongside.outcomes.dashboard.CohortFacts.Activity;
import org.alongside.outcomes.dashboard.CohortFacts.Concerns;
import org.alongside.outcomes.dashboard.CohortFacts.InstrumentOutcomes;
import org.alongside.outcomes.dashboard.CohortFacts.Outcome;
import org.alongside.outcomes.dashboard.CohortFacts.People;
import org.alongside.outcomes.dashboard.CohortFacts.Workforce;
import org.alongside.outcomes.dashboard.DashboardSummary.Cell;
import org.alongside.outcomes.measures.Instruments;
import org.junit.jupiter.api.Test;

/** A small cohort as a commissioner would see it: what is hidden, rounded, and hidden to protect what is hidden. */
class SummaryPresenterTest {

    private static final ReportingPeriod PERIOD = ReportingPeriod.parse("2025-04-01", "2025-06-30",
            ZoneId.of("Europe/London"));

    @Test
    void aSmallCohortIsSuppressedRoundedAndProtected() {
        Activity total = new Activity(43, 38, 5, 0, 30, 26, 9, 120, 90, 20, 6, 4, 60, 20, 10, 0, 12, 26, 21.0,
                55.0, List.of(8L, 10L, 5L, 3L, 0L));
        Map<String, Activity> byGroup = new LinkedHashMap<>();
        byGroup.put("diabetes", new Activity(30, 27, 3, 0, 20, 18, 6, 80, 60, 12, 4, 4, 40, 10, 10, 0, 8, 18, 20.0,
                50.0, List.of(5L, 7L, 4L, 2L, 0L)));
        byGroup.put("renal", new Activity(10, 8, 2, 0, 7, 6, 2, 30, 24, 6, 2, 0, 16, 8, 0, 0, 4, 6, 25.0, 60.0,
                List.of(2L, 3L, 1L, 0L, 0L)));
        byGroup.put("common-mental-health", new Activity(3, 3, 0, 0, 3, 2, 1, 10, 6, 2, 0, 0, 4, 2, 0, 0, 0, 2, 10.0,
                12.0, List.of(1L, 0L, 0L, 1L, 0L)));
        Map<Dimension, Map<String, Long>> referralsBy = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            referralsBy.put(d, Map.of());
        }
        referralsBy.put(Dimension.CONDITION_GROUP, Map.of("diabetes", 30L, "renal", 10L, "common-mental-health", 3L));
        CohortFacts facts = new CohortFacts(total, Dimension.CONDITION_GROUP, byGroup, referralsBy,
                Map.of("2025-04", 20L, "2025-05", 23L), Map.of("NOT_ELIGIBLE", 5L), Map.of(), Map.of("GOALS_MET", 9L),
                new People(20, 12), Map.of("diabetes", new People(14, 9), "renal", new People(6, 3)),
                List.of(new InstrumentOutcomes("SWEMWBS", new Outcome(20, 12, 12, mean(2.345), 8, 3, 1), List.of(),
                        Map.of("diabetes", new Outcome(14, 9, 9, mean(2.5), 6, 2, 1), "renal",
                                new Outcome(6, 3, 3, mean(1.9), 2, 1, 0)),
                        Map.of("2", new Outcome(20, 12, 12, mean(2.345), 8, 3, 1)), Map.of())),
                new Concerns(2, 2, 1, Map.of("SELF_NEGLECT", 2L)), Workforce.none(), Map.of());

        DashboardSummary s = new SummaryPresenter(new Disclosure(true, 7, 5), Instruments.published()::find).present(PERIOD, facts,
                OffsetDateTime.parse("2025-07-01T09:00:00Z"));

        assertEquals(LocalDate.of(2025, 4, 1), s.from());
        assertEquals("45", s.referralsReceived().text());
        assertEquals("40", s.referralsAccepted().text());
        assertEquals("*", s.referralsDeclined().text());
        assertEquals("0", s.referralsWithdrawn().text());
        assertEquals("25", s.referralsActive().text());
        assertEquals("10", s.referralsClosed().text());
        assertEquals("88.9", s.referrals().acceptanceRate().text(), "40 of 45, the published counts");
        assertEquals("*", s.referrals().declineRate().text());
        assertEquals("0.0", s.referrals().withdrawalRate().text());

        // renal (10) would give mental health (3) away from the total: it is hidden too
        assertEquals("diabetes=30,respiratory=0,renal=*,cardiac=0,cancer=0,neurological=0,musculoskeletal-and-pain=0,"
                + "hiv=0,common-mental-health=*,severe-mental-illness=0,other-physical=0,other-mental=0",
                cells(s.referrals().byConditionGroup()));
        assertEquals("2025-04=20,2025-05=25", cells(s.referrals().byMonth()));
        assertEquals("NOT_ELIGIBLE=*", cells(s.referrals().declineReasons()));
        assertEquals("GOALS_MET=10", cells(s.referrals().closeReasons()));

        assertEquals("90", s.sessionsAttended().text());
        assertEquals("20", s.engagement().didNotAttend().text());
        assertEquals("*", s.engagement().cancelledByClient().text());
        assertEquals("*", s.engagement().cancelledByPeer().text());
        assertEquals("18.2", s.engagement().didNotAttendRate().text(), "20 of 110 attended or missed");
        assertEquals("IN_PERSON=60,TELEPHONE=20,VIDEO=10,ONLINE_TEXT=0", cells(s.engagement().media()));
        assertEquals("ONE_TO_ONE=80,GROUP=10", cells(s.engagement().settings()));

        assertEquals("25", s.waitingTimes().people().text());
        assertEquals("21.0", s.waitingTimes().medianDays().text());
        assertEquals("55.0", s.waitingTimes().p90Days().text());
        assertEquals("0-13=10,14-27=10,28-55=*,56-83=*,84+=0", cells(s.waitingTimes().bands()));

        assertEquals("10", s.outcomes().peopleWithPairedFollowUp().text());
        assertEquals("40.0", s.outcomes().pairedShare().text(), "10 of 25 who started support");
        DashboardSummary.InstrumentOutcome swemwbs = s.outcomes().instruments().get(0);
        assertEquals("SWEMWBS", swemwbs.instrument());
        assertEquals("10", swemwbs.peoplePaired().text());
        assertEquals("2.35", swemwbs.meanChange().text());
        assertEquals("10", swemwbs.improved().text());
        assertEquals("*", swemwbs.noReliableChange().text());
        assertEquals("*", swemwbs.deteriorated().text());
        assertEquals("100.0", swemwbs.improvedShare().text());
        assertEquals("2.87", swemwbs.reliableChangeThreshold().toPlainString());
        assertEquals("1.35/3.35", swemwbs.meanChangeLower95().text() + "/" + swemwbs.meanChangeUpper95().text());
        // renal's 3 paired would be recoverable from the total, so diabetes is hidden with it, and its mean too
        assertEquals("diabetes=*/*/*,renal=*/*/*", swemwbs.byConditionGroup().stream()
                .map(g -> g.key() + "=" + g.peoplePaired().text() + "/" + g.meanChange().text() + "/"
                        + g.improvedShare().text()).collect(Collectors.joining(",")));
        assertEquals("10/2.35/100.0", swemwbs.byImdDecile().get(0).peoplePaired().text() + "/"
                + swemwbs.byImdDecile().get(0).meanChange().text() + "/"
                + swemwbs.byImdDecile().get(0).improvedShare().text());

        DashboardSummary.BreakdownRow diabetes = s.breakdown().rows().get(0);
        DashboardSummary.BreakdownRow renal = s.breakdown().rows().get(2);
        DashboardSummary.BreakdownRow mental = s.breakdown().rows().get(8);
        assertEquals("conditionGroup", s.breakdown().dimension());
        assertEquals(List.of("30", "*", "*"), List.of(diabetes.referralsReceived().text(),
                renal.referralsReceived().text(), mental.referralsReceived().text()));
        assertEquals(List.of("25", "*", "*"), List.of(diabetes.referralsAccepted().text(),
                renal.referralsAccepted().text(), mental.referralsAccepted().text()));
        assertEquals("83.3", diabetes.acceptanceRate().text(), "25 of 30");
        assertEquals("*", renal.acceptanceRate().text());
        assertEquals("*", mental.medianWaitDays().text(), "a median over 2 people");
        assertEquals("20.0", diabetes.medianWaitDays().text());

        assertEquals("*", s.safeguarding().concerns().text());
        assertEquals("SELF_NEGLECT=*", cells(s.safeguarding().byCategory()));
    }

    @Test
    void workforceFiguresAreDisclosedTogetherWhereTheyAddUp() {
        Activity total = new Activity(60, 50, 5, 5, 45, 40, 10, 300, 240, 40, 10, 10, 120, 60, 40, 20, 30, 40, 21.0,
                55.0, List.of(10L, 12L, 8L, 6L, 4L));
        Map<Dimension, Map<String, Long>> referralsBy = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            referralsBy.put(d, Map.of());
        }
        // 40 peers supporting the cohort: 30 supervised in time, 8 overdue, 2 never
        Workforce workforce = new Workforce(Map.of(1L, 40L), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                Map.of("CONDITION", 24L, "CONDITION_GROUP", 12L, "NONE", 9L), 28,
                Map.of("WITHIN_INTERVAL", 30L, "OVERDUE", 8L, "NONE_RECORDED", 2L),
                Map.of("HOUSING", new CohortFacts.Signposts(20, 12, 3), "PHYSICAL_ACTIVITY",
                        new CohortFacts.Signposts(3, 1, 0)));
        CohortFacts facts = new CohortFacts(total, null, Map.of(), referralsBy, Map.of(), Map.of(), Map.of(),
                Map.of(), new People(0, 0), Map.of(), List.of(), new Concerns(0, 0, 0, Map.of()), workforce, Map.of());

        DashboardSummary.Delivery d = new SummaryPresenter(new Disclosure(true, 7, 5), Instruments.published()::find)
                .present(PERIOD, facts, OffsetDateTime.parse("2025-07-01T09:00:00Z")).delivery();

        assertEquals("45", d.matchesWithSharingKnown().text());
        assertEquals("CONDITION=25,CONDITION_GROUP=10,NONE=10", cells(d.sharedLivedExperience()));
        assertEquals("55.6", d.sharedConditionShare().text());
        assertEquals("77.8", d.sharedConditionOrGroupShare().text(), "35 of 45, as published");
        // the 2 never supervised are hidden, and so are the 8 overdue, or 40 - 30 would give them away
        assertEquals("WITHIN_INTERVAL=30,OVERDUE=*,NONE_RECORDED=*", cells(d.supervision()));
        assertEquals("75.0", d.supervisedWithinIntervalShare().text());
        assertEquals(28, d.supervisionIntervalDays());
        assertEquals("25", d.signpostingMade().text());
        assertEquals("TAKEN_UP=15,NOT_TAKEN_UP=*,NOT_KNOWN=*", cells(d.signpostingTakeUp()));
        assertEquals("60.0", d.signpostingTakenUpShare().text());
        // 3 linked to physical activity are hidden, so the 20 to housing are too: their total is published
        assertEquals("*", d.signpostingByCategory().stream().filter(c -> c.key().equals("PHYSICAL_ACTIVITY"))
                .findFirst().orElseThrow().count().text());
        assertEquals("*", d.signpostingByCategory().stream().filter(c -> c.key().equals("HOUSING")).findFirst()
                .orElseThrow().count().text());
        assertEquals("0", d.signpostingByCategory().stream().filter(c -> c.key().equals("ARTS_AND_CREATIVITY"))
                .findFirst().orElseThrow().count().text());
    }

    @Test
    void switchedOffEveryFigureIsExact() {
        Activity total = new Activity(3, 2, 1, 0, 1, 1, 0, 2, 1, 1, 0, 0, 1, 0, 0, 0, 0, 1, 4.0, 4.0,
                List.of(1L, 0L, 0L, 0L, 0L));
        Map<Dimension, Map<String, Long>> referralsBy = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            referralsBy.put(d, Map.of());
        }
        CohortFacts facts = new CohortFacts(total, null, Map.of(), referralsBy, Map.of("2025-04", 3L), Map.of(),
                Map.of(), Map.of(), new People(0, 0), Map.of(), List.of(), new Concerns(0, 0, 0, Map.of()), Workforce.none(),
                Map.of());
        DashboardSummary s = new SummaryPresenter(Disclosure.off(), Instruments.published()::find).present(PERIOD, facts,
                OffsetDateTime.parse("2025-07-01T09:00:00Z"));
        assertEquals(List.of("3", "2", "1", "1", "1"), List.of(s.referralsReceived().text(),
                s.referralsAccepted().text(), s.referralsDeclined().text(), s.referralsActive().text(),
                s.sessionsAttended().text()));
        assertEquals("66.7", s.referrals().acceptanceRate().text());
        assertEquals("4.0", s.waitingTimes().medianDays().text());
        assertEquals(false, s.disclosureControl().applied());
        assertEquals(null, s.breakdown());
    }

    /** A mean with an interval 1 either side. */
    private static Statistics.Mean mean(double value) {
        return new Statistics.Mean(value, value - 1, value + 1);
    }

    private static String cells(List<Cell> cells) {
        return cells.stream().map(c -> c.key() + "=" + c.count().text()).collect(Collectors.joining(","));
    }
}
