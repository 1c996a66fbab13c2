package org.alongside.session.safeguarding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * When a safeguarding concern must be acknowledged ({@code alongside.safeguarding.*}): within working days (Monday
 * to Friday in the zone, less the non-working dates), or, for an immediate risk, within a duration.
 */
@ConfigMapping(prefix = "alongside.safeguarding")
public interface SafeguardingConfig {

    @WithDefault("1")
    @Min(0)
    int acknowledgeWorkingDays();

    @WithDefault("PT1H")
    @DurationMin(millis = 1)
    Duration immediateRiskAcknowledgeWithin();

    @WithDefault("Europe/London")
    ZoneId zone();

    /** Dates that are not working days, e.g. bank holidays: {@code 2026-12-25,2026-12-28}. */
    Optional<List<LocalDate>> nonWorkingDates();
}
