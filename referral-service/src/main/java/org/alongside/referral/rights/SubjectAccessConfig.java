package org.alongside.referral.rights;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** How long the subject access export waits for each other service's part ({@code alongside.subject-access.*}). */
@ConfigMapping(prefix = "alongside.subject-access")
public interface SubjectAccessConfig {

    @WithDefault("PT10S")
    @DurationMin(millis = 1)
    Duration timeout();
}
