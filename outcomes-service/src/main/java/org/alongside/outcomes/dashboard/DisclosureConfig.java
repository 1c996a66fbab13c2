package org.alongside.outcomes.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * Disclosure control of every dashboard figure, JSON, CSV and page ({@code alongside.dashboard.disclosure.*}):
 * counts from 1 to the threshold are suppressed, others rounded to the rounding base. Only configuration switches
 * it off; no role or parameter sees exact small numbers while it is on.
 */
@ConfigMapping(prefix = "alongside.dashboard.disclosure")
public interface DisclosureConfig {

    @WithDefault("true")
    boolean enabled();

    @WithDefault("7")
    @Min(0)
    int threshold();

    @WithDefault("5")
    @Min(1)
    int roundingBase();
}
