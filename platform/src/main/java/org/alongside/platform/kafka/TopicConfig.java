package org.alongside.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** How the topics a service creates when they are missing are laid out ({@code alongside.kafka.*}). */
@ConfigMapping(prefix = "alongside.kafka")
public interface TopicConfig {

    @WithDefault("6")
    @Min(1)
    int partitions();

    @WithDefault("1")
    @Min(1)
    short replicationFactor();
}
