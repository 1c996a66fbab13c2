package org.alongside.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** How the outbox relay ships events to Kafka ({@code alongside.outbox.*}). */
@ConfigMapping(prefix = "alongside.outbox")
public interface OutboxConfig {

    Relay relay();

    /** How long the relay waits for a commit to wake it before it looks anyway (other instances' rows, a crash). */
    @WithDefault("PT0.5S")
    @DurationMin(millis = 1)
    Duration pollInterval();

    /**
     * Woken by a commit soon after its last round, the relay lets the commits alongside land until this long after
     * that round, then publishes them together; woken after a longer quiet spell, it publishes at once.
     */
    @WithDefault("PT0.005S")
    @DurationMin(millis = 0)
    Duration gather();

    /** At most this many events in one publishing transaction. */
    @WithDefault("500")
    @Min(1)
    int batchSize();

    interface Relay {

        /** Off only for an instance that must never publish; its events then wait in the outbox. */
        @WithDefault("true")
        boolean enabled();
    }
}
