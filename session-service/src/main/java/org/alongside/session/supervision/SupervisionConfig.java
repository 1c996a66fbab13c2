package org.alongside.session.supervision;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** Peer supervision ({@code alongside.supervision.*}). */
@ConfigMapping(prefix = "alongside.supervision")
public interface SupervisionConfig {

    /** Supervision is due this long after the last one. */
    @WithDefault("P28D")
    @DurationMin(days = 1)
    Duration interval();
}
