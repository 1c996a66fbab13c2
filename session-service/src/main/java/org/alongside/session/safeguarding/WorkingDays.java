package org.alongside.session.safeguarding;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Working-day arithmetic in the service's local time zone: Monday to Friday, less any configured non-working dates
 * (bank holidays). Local time is kept across daylight-saving changes.
 */
public final class WorkingDays {

    private final ZoneId zone;
    private final Set<LocalDate> nonWorkingDates;

    public WorkingDays(ZoneId zone, Set<LocalDate> nonWorkingDates) {
        this.zone = zone;
        this.nonWorkingDates = Set.copyOf(nonWorkingDates);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !nonWorkingDates.contains(date);
    }

    /**
     * The moment {@code days} working days after {@code from}: the same time of day on the {@code days}-th working
     * day after it. Time outside working days does not count: from a Saturday the clock starts on Monday at
     * midnight, so one working day later is the end of Monday.
     */
    public OffsetDateTime plus(OffsetDateTime from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        ZonedDateTime at = from.atZoneSameInstant(zone);
        if (!isWorkingDay(at.toLocalDate())) {
            LocalDate next = at.toLocalDate().plusDays(1);
            while (!isWorkingDay(next)) {
                next = next.plusDays(1);
            }
            at = next.atStartOfDay(zone);
        }
        for (int i = 0; i < days; i++) {
            at = at.plusDays(1);
            while (!isWorkingDay(at.toLocalDate())) {
                at = at.plusDays(1);
            }
        }
        return at.toOffsetDateTime().withOffsetSameInstant(from.getOffset());
    }
}
