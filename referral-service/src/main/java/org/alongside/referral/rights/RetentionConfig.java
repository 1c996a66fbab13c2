package org.alongside.referral.rights;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.temporal.TemporalAmount;

/** The retention of ended referrals (docs/information-governance.md; {@code alongside.retention.*}). */
@ConfigMapping(prefix = "alongside.retention")
public interface RetentionConfig {

    /**
     * Identity and free text are erased this long after a referral ended: an ISO 8601 period ({@code P8Y}), or a
     * duration such as {@code PT1S}.
     */
    @WithDefault("P8Y")
    @WithConverter(RetentionPeriod.class)
    TemporalAmount period();

    /** Referrals erased per transaction of a sweep. */
    @WithDefault("500")
    @Min(1)
    int batchSize();

    /** Whether the sweep runs on its schedule; {@code POST /retention/sweeps} (admin) runs it at once either way. */
    @WithDefault("true")
    boolean scheduled();

    /** How often the scheduled sweep runs (read by the scheduler: {@code 1h}, {@code PT30M}). */
    @WithDefault("1h")
    String sweepEvery();

    /** How long after start-up the first scheduled sweep runs. */
    @WithDefault("1m")
    String firstSweepAfter();
}
