package org.alongside.referral.summary;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** How end-of-support summaries are assembled ({@code alongside.summary.*}). */
@ConfigMapping(prefix = "alongside.summary")
public interface SummaryConfig {

    /** The wait after the first failed attempt (a service did not answer), doubling after each further one. */
    @WithDefault("PT10S")
    @DurationMin(millis = 100)
    Duration firstBackoff();

    /** The longest wait between attempts: a summary is retried until every service answers. */
    @WithDefault("PT1H")
    @DurationMin(seconds = 1)
    Duration maxBackoff();

    /** How long each other service may take to connect and answer. */
    @WithDefault("PT10S")
    @DurationMin(millis = 1)
    Duration timeout();
}
