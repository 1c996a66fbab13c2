package org.alongside.session.safeguarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The deadline to acknowledge a safeguarding concern, in UK working days. */
class WorkingDaysTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final WorkingDays workingDays = new WorkingDays(LONDON, Set.of());

    /** 2025-03-10 is a Monday. */
    private static OffsetDateTime london(int day, int hour, int minute) {
        return LocalDateTime.of(2025, 3, day, hour, minute).atZone(LONDON).toOffsetDateTime();
    }

    @Test
    void aWeekdayConcernIsDueTheSameTimeTheNextWorkingDay() {
        assertEquals(london(11, 14, 30), workingDays.plus(london(10, 14, 30), 1));
        assertEquals(london(14, 9, 0), workingDays.plus(london(13, 9, 0), 1));
    }

    @Test
    void aFridayConcernIsDueOnMondayNotSaturday() {
        assertEquals(london(17, 15, 0), workingDays.plus(london(14, 15, 0), 1));
        assertEquals(london(17, 23, 59), workingDays.plus(london(14, 23, 59), 1));
    }

    @Test
    void aWeekendConcernCountsFromMondayMorningSoItIsDueAtTheEndOfMonday() {
        assertEquals(london(18, 0, 0), workingDays.plus(london(15, 10, 0), 1));
        assertEquals(london(18, 0, 0), workingDays.plus(london(16, 23, 0), 1));
    }

    @Test
    void severalWorkingDaysSkipEveryWeekend() {
        assertEquals(london(19, 11, 0), workingDays.plus(london(12, 11, 0), 5));
        assertEquals(london(12, 11, 0), workingDays.plus(london(12, 11, 0), 0));
        assertEquals(london(17, 0, 0), workingDays.plus(london(15, 11, 0), 0));
        assertThrows(IllegalArgumentException.class, () -> workingDays.plus(london(12, 11, 0), -1));
    }

    @Test
    void bankHolidaysAreSkippedLikeWeekends() {
        WorkingDays easter = new WorkingDays(LONDON, Set.of(LocalDate.of(2025, 4, 18), LocalDate.of(2025, 4, 21)));
        OffsetDateTime thursday = LocalDateTime.of(2025, 4, 17, 16, 0).atZone(LONDON).toOffsetDateTime();
        assertEquals(LocalDateTime.of(2025, 4, 22, 16, 0).atZone(LONDON).toOffsetDateTime(), easter.plus(thursday, 1));
        assertFalse(easter.isWorkingDay(LocalDate.of(2025, 4, 21)));
        assertTrue(easter.isWorkingDay(LocalDate.of(2025, 4, 22)));
    }

    @Test
    void weekendsAreTheLocalWeekendAndLocalTimeSurvivesTheClockChange() {
        // Friday 23:30 in London is already Saturday in UTC+1 and later: the London calendar decides
        OffsetDateTime fridayNight = LocalDateTime.of(2025, 3, 28, 23, 30).atZone(LONDON).toOffsetDateTime();
        // British Summer Time starts on Sunday 30 March: the deadline stays 23:30 London time
        assertEquals(LocalDateTime.of(2025, 3, 31, 23, 30).atZone(LONDON).toOffsetDateTime().toInstant(),
                workingDays.plus(fridayNight, 1).toInstant());
        // expressed at the offset the concern was raised at
        OffsetDateTime utc = OffsetDateTime.parse("2025-03-10T09:00:00Z");
        assertEquals(OffsetDateTime.parse("2025-03-11T09:00:00Z"), workingDays.plus(utc, 1));
    }

    @Test
    void anImmediateRiskIsDueWithinTheHourWhateverTheDay() {
        OffsetDateTime saturday = london(15, 10, 0);
        assertEquals(saturday.plusHours(1), SafeguardingRules.acknowledgeBy(saturday, true, Duration.ofHours(1), 1,
                workingDays));
        assertEquals(london(18, 0, 0), SafeguardingRules.acknowledgeBy(saturday, false, Duration.ofHours(1), 1,
                workingDays));
    }

    @Test
    void onlyAnOpenConcernPastItsDeadlineIsOverdue() {
        OffsetDateTime deadline = london(11, 14, 30);
        assertFalse(SafeguardingRules.isOverdue(Concern.Status.OPEN, deadline, deadline));
        assertTrue(SafeguardingRules.isOverdue(Concern.Status.OPEN, deadline, deadline.plusSeconds(1)));
        assertFalse(SafeguardingRules.isOverdue(Concern.Status.ACKNOWLEDGED, deadline, deadline.plusDays(3)));
        assertFalse(SafeguardingRules.isOverdue(Concern.Status.CLOSED, deadline, deadline.plusDays(3)));
    }
}
