package org.alongside.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alongside.platform.time.DemoConfig;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start a production service that would trust the published development key, or that has no
 * identity provider to trust, or that would let callers backdate records: a misconfiguration must stop the
 * service, not open it.
 */
@ApplicationScoped
public class ProductionGuard {

    static final String DEV_KEY = "dev-jwt/public.pem";

    private final DemoConfig demo;

    ProductionGuard(DemoConfig demo) {
        this.demo = demo;
    }

    void check(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL || !ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        var config = ConfigProvider.getConfig();
        List<String> problems = problems(config.getOptionalValue("mp.jwt.verify.publickey.location", String.class),
                config.getOptionalValue("mp.jwt.verify.publickey", String.class),
                config.getOptionalValue("mp.jwt.verify.issuer", String.class));
        if (demo.backdating()) {
            problems.add("alongside.demo.backdating lets callers set the time of records; it is for demo data only");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems));
        }
    }

    /** What is wrong with the token verification settings of a production service. */
    static List<String> problems(Optional<String> keyLocation, Optional<String> inlineKey, Optional<String> issuer) {
        List<String> problems = new ArrayList<>();
        String location = keyLocation.orElse("").trim();
        if (location.contains("dev-jwt") || location.endsWith(DEV_KEY)) {
            problems.add("it would trust the development signing key");
        } else if (!location.startsWith("https://")) {
            problems.add("ALONGSIDE_JWKS_URL must be set to the identity provider's https JWKS URL");
        }
        if (inlineKey.isPresent()) {
            problems.add("an inline public key (mp.jwt.verify.publickey) is not accepted; use the JWKS URL");
        }
        if (issuer.map(String::isBlank).orElse(true) || issuer.get().contains("alongside.local")) {
            problems.add("ALONGSIDE_JWT_ISSUER must name the production identity provider");
        }
        return problems;
    }
}
