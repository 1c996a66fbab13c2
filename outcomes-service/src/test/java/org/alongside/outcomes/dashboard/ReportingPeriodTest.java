package org.alongside.outcomes.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneId;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ReportingPeriodTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void eitherEndMayBeOpen() {
        ReportingPeriod open = ReportingPeriod.parse(null, " ", LONDON);
        assertNull(open.from());
        assertNull(open.to());
        ReportingPeriod fromOnly = ReportingPeriod.parse("2024-04-01", null, LONDON);
        assertEquals(LocalDate.of(2024, 4, 1), fromOnly.from());
        assertNull(fromOnly.to());
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
