package org.alongside.outcomes.facts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** How the commissioning figures count time ({@code alongside.outcomes.*}). */
@ConfigMapping(prefix = "alongside.outcomes")
public interface ReportingConfig {

    /**
     * Report dates are calendar days here: a referral received at 23:30 UTC in British Summer Time counts on the next
     * day. Rebuild the read model after changing it.
     */
    @WithDefault("Europe/London")
    ZoneId reportingZone();

    /**
     * How often each peer should be supervised: the policy interval session-service holds overdue supervision to
     * ({@code alongside.supervision.interval}, which this follows unless set on its own), in whole days.
     */
    Duration supervisionInterval();
}
