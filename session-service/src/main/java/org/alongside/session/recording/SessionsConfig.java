package org.alongside.session.recording;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** What times a recorded 1:1 or group session may carry ({@code alongside.sessions.*}). */
@ConfigMapping(prefix = "alongside.sessions")
public interface SessionsConfig {

    /** How far ahead of now a session may start: a visit logged the evening before is fine, a typo of a year is not. */
    @WithDefault("P1D")
    @DurationMin(millis = 0)
    Duration futureWindow();

    /** How far ahead the next session may be planned. */
    @WithDefault("P180D")
    @DurationMin(days = 1)
    Duration nextSessionHorizon();
}
