package org.alongside.outcomes.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.alongside.platform.problem.ProblemException;

/**
 * The referrals a report covers: those received from the start of {@code from} to the end of {@code to}, both
 * calendar days in the reporting time zone {@code zone} and both optional (open-ended). The read model keeps each
 * referral's day of receipt in that zone, so a period is compared day by day.
 */
public record ReportingPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    public ReportingPeriod {
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.invalid("from", "must not be after to (" + to + ")");
        }
    }

    /** Parses query parameters, answering a 400 that names the parameter when one is not an ISO date. */
    public static ReportingPeriod parse(String from, String to, ZoneId zone) {
        return new ReportingPeriod(date("from", from), date("to", to), zone);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date as YYYY-MM-DD, not '" + value + "'");
        }
    }
}
