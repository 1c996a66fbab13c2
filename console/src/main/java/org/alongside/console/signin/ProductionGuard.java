package org.alongside.console.signin;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start a production console that would sign people in with the published development key, or that has
 * no identity provider: a misconfiguration must stop the console, not open it (as platform's ProductionGuard does
 * for the services).
 */
@ApplicationScoped
public class ProductionGuard {

    void check(@Observes StartupEvent event, DevSignInConfig devSignIn) {
        if (LaunchMode.current() != LaunchMode.NORMAL || !ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        var config = ConfigProvider.getConfig();
        List<String> problems = problems(devSignIn.enabled(),
                config.getOptionalValue("quarkus.oidc.auth-server-url", String.class),
                config.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems));
        }
    }

    static List<String> problems(boolean devSignIn, Optional<String> identityProvider, Optional<Boolean> oidcEnabled) {
        List<String> problems = new ArrayList<>();
        if (devSignIn) {
            problems.add("the development sign-in (alongside.console.dev-sign-in.key-directory) signs tokens with the "
                    + "published development key");
        }
        if (!oidcEnabled.orElse(true)) {
            problems.add("OpenID Connect sign-in is switched off (quarkus.oidc.tenant-enabled=false)");
        }
        if (!identityProvider.map(String::trim).filter(url -> url.startsWith("https://")).isPresent()) {
            problems.add("ALONGSIDE_OIDC_URL must be the identity provider's https issuer URL");
        }
        return problems;
    }
}
