package org.alongside.platform.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings for loading demo data only ({@code alongside.demo.*}); a production service refuses to start with them. */
@ConfigMapping(prefix = "alongside.demo")
public interface DemoConfig {

    /** Lets a request set "now" with {@link Clocks#DEMO_TIME_HEADER}, so demo data can play out a past year. */
    @WithDefault("false")
    boolean backdating();
}
