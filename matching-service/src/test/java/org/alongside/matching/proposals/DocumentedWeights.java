package org.alongside.matching.proposals;

import io.smallrye.config.SmallRyeConfigBuilder;

/** The weights as documented: MatchingConfig's defaults, as the service reads them with nothing configured. */
public final class DocumentedWeights {

    public static final Scorer.Weights DEFAULTS = Scoring.weights(new SmallRyeConfigBuilder()
            .withMapping(MatchingConfig.class).build().getConfigMapping(MatchingConfig.class).weights());

    private DocumentedWeights() {
    }
}
