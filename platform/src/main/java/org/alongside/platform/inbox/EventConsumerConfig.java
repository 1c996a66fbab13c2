package org.alongside.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's event consumer ({@code alongside.consumer.*}). */
@ConfigMapping(prefix = "alongside.consumer")
public interface EventConsumerConfig {

    /** Off only where a service must not apply other services' events (its inbox then stays as it is). */
    @WithDefault("true")
    boolean enabled();

    /**
     * The most events a poll hands over, and so applies in one transaction: it bounds the transaction's length and
     * what is applied again one by one when an event of the batch fails.
     */
    @WithDefault("50")
    int batchSize();
}
