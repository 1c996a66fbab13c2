package org.alongside.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** Limits on what a request may send ({@code alongside.http.*}). */
@ConfigMapping(prefix = "alongside.http")
public interface HttpConfig {

    /** A body declared larger than this is refused with 413 before anything reads it. */
    @WithDefault("1048576")
    @Min(1)
    long maxBodyBytes();
}
