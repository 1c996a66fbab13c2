package org.alongside.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** How bearer tokens are checked ({@code alongside.security.*}). */
@ConfigMapping(prefix = "alongside.security")
public interface SecurityConfig {

    /** How many verified tokens are remembered until they expire; 0 verifies every request afresh. */
    @WithDefault("10000")
    @Min(0)
    int verifiedTokenCacheSize();
}
