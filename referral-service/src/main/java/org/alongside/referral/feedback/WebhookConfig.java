package org.alongside.referral.feedback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** How referrer notifications are delivered to their webhooks ({@code alongside.webhooks.*}). */
@ConfigMapping(prefix = "alongside.webhooks")
public interface WebhookConfig {

    /** Attempts before a delivery is given up as FAILED. */
    @WithDefault("8")
    @Min(1)
    int maxAttempts();

    /** The wait after the first failed attempt, doubling after each further one. */
    @WithDefault("PT2S")
    @DurationMin(seconds = 1)
    Duration firstBackoff();

    /** How long a referrer's system may take to connect and answer. */
    @WithDefault("PT5S")
    @DurationMin(millis = 1)
    Duration timeout();
}
