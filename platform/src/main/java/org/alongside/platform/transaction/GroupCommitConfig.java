package org.alongside.platform.transaction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** How changes requested at the same time share a commit ({@code alongside.group-commit.*}, {@link GroupCommit}). */
@ConfigMapping(prefix = "alongside.group-commit")
public interface GroupCommitConfig {

    /**
     * At most this many callers' changes in one transaction: a longer group holds its first caller's answer, and the
     * group's locks, for longer. 1 gives every change a transaction of its own.
     */
    @WithDefault("16")
    @Min(1)
    int maxUnits();
}
