package org.alongside.outcomes.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The disclosure control every dashboard answer applies, from configuration only: there is no request
 * parameter or role that sees exact small numbers while it is on.
 */
@ApplicationScoped
public class DisclosurePolicy {

    private final Disclosure disclosure;

    // @Inject is needed: with two constructors and none marked, ArC registers no bean at all
    @Inject
    DisclosurePolicy(DisclosureConfig config) {
        this(config.enabled(), config.threshold(), config.roundingBase());
    }

    /** A policy of its own, e.g. a test's exact figures. */
    public DisclosurePolicy(boolean enabled, int threshold, int roundingBase) {
        this.disclosure = enabled ? new Disclosure(true, threshold, roundingBase) : Disclosure.off();
    }

    public Disclosure current() {
        return disclosure;
    }
}
