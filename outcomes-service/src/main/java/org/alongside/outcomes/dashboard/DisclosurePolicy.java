package org.alongside.outcomes.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The disclosure control every dashboard answer applies, from configuration only: there is no request
 * parameter or role that sees exact small numbers while it is on.
 */
@ApplicationScoped
public class DisclosurePolicy {

    private final Disclosure disclosure;

    public DisclosurePolicy(
            @ConfigProperty(name = "alongside.dashboard.disclosure.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "alongside.dashboard.disclosure.threshold", defaultValue = "7") int threshold,
            @ConfigProperty(name = "alongside.dashboard.disclosure.rounding-base", defaultValue = "5")
            int roundingBase) {
        this.disclosure = enabled ? new Disclosure(true, threshold, roundingBase) : Disclosure.off();
    }

    public Disclosure current() {
        return disclosure;
    }
}
