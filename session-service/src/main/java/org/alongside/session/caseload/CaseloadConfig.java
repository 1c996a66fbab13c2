package org.alongside.session.caseload;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** A peer's caseload ({@code alongside.caseload.*}). */
@ConfigMapping(prefix = "alongside.caseload")
public interface CaseloadConfig {

    /** A client without contact for this many days is flagged. */
    @WithDefault("14")
    @Min(1)
    int noContactDays();
}
