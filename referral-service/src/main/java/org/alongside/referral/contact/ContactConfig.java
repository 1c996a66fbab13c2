package org.alongside.referral.contact;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** Reaching the person ({@code alongside.contact.*}). */
@ConfigMapping(prefix = "alongside.contact")
public interface ContactConfig {

    /**
     * After this many failed attempts in a row the referral shows {@code unableToContact} and offers the close
     * reason UNABLE_TO_CONTACT.
     */
    @WithDefault("3")
    @Min(1)
    int failedAttemptsBeforeUnableToContact();
}
