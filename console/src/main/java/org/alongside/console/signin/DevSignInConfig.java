package org.alongside.console.signin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The local stack's development sign-in: off unless the development key directory is named. It signs tokens with the
 * published development key, which only the local stack and the tests trust; the production profile refuses to start
 * with it on.
 */
@ConfigMapping(prefix = "alongside.console.dev-sign-in")
public interface DevSignInConfig {

    /** deploy/local/dev-keys, holding private.pem and public.pem; unset, the development sign-in is off. */
    Optional<String> keyDirectory();

    @WithDefault("https://alongside.local/dev-issuer")
    String issuer();

    /** How long a development sign-in lasts; then the person signs in again and comes back to the same page. */
    @WithDefault("PT8H")
    Duration lifetime();

    default boolean enabled() {
        return keyDirectory().filter(dir -> !dir.isBlank()).isPresent();
    }
}
