package org.alongside.outcomes.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ReportingPeriodTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void daysAreWholeCalendarDaysInTheReportingZone() {
        ReportingPeriod summer = ReportingPeriod.parse("2024-07-01", "2024-07-31", LONDON);
        assertEquals(OffsetDateTime.parse("2024-06-30T23:00:00Z").toInstant(), summer.start().toInstant());
        assertEquals(OffsetDateTime.parse("2024-07-31T23:00:00Z").toInstant(), summer.end().toInstant());

        ReportingPeriod winter = ReportingPeriod.parse("2024-01-10", "2024-01-10", LONDON);
        assertEquals(OffsetDateTime.parse("2024-01-10T00:00:00Z").toInstant(), winter.start().toInstant());
        assertEquals(OffsetDateTime.parse("2024-01-11T00:00:00Z").toInstant(), winter.end().toInstant());
    }

    @Test
    void eitherEndMayBeOpen() {
        ReportingPeriod open = ReportingPeriod.parse(null, " ", LONDON);
        assertNull(open.start());
        assertNull(open.end());
        ReportingPeriod fromOnly = ReportingPeriod.parse("2024-04-01", null, LONDON);
        assertEquals(LocalDate.of(2024, 4, 1), fromOnly.from());
        assertNull(fromOnly.end());
    }

    @Test
    void badDatesNameTheirParameter() {
        assertField("from", () -> ReportingPeriod.parse("2024-13-01", null, LONDON));
        assertField("to", () -> ReportingPeriod.parse(null, "01/04/2024", LONDON));
        assertField("from", () -> ReportingPeriod.parse("2024-05-02", "2024-05-01", LONDON));
    }

    private static void assertField(String field, Runnable parse) {
        ProblemException problem = assertThrows(ProblemException.class, parse::run);
        assertEquals(400, problem.status());
        Problem body = problem.toProblem("/dashboard/summary");
        assertEquals(field, body.errors().get(0).field());
    }
}
