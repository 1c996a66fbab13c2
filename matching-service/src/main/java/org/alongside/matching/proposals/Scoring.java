package org.alongside.matching.proposals;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.ToIntFunction;
import org.alongside.matching.taxonomy.Taxonomies;
import org.eclipse.microprofile.config.Config;

/**
 * The scorer the service ranks with: the configured weights ({@code alongside.matching.weights.*}, defaults in
 * {@link Scorer.Weights#DEFAULTS}) and the current taxonomy version. Made at start-up, so a weight out of range
 * stops the service from starting rather than from scoring.
 */
@Startup
@ApplicationScoped
public class Scoring {

    private static final String PREFIX = "alongside.matching.weights.";

    private final Taxonomies taxonomies;
    private final Scorer.Weights weights;

    Scoring(Taxonomies taxonomies, Config config) {
        this.taxonomies = taxonomies;
        Scorer.Weights d = Scorer.Weights.DEFAULTS;
        this.weights = new Scorer.Weights(
                weight(config, "shared-condition", d, Scorer.Weights::sharedCondition),
                weight(config, "shared-group", d, Scorer.Weights::sharedGroup),
                weight(config, "lived-experience-cap", d, Scorer.Weights::livedExperienceCap),
                weight(config, "shared-kind", d, Scorer.Weights::sharedKind),
                weight(config, "physical-and-mental", d, Scorer.Weights::physicalAndMental),
                weight(config, "shared-condition-wish", d, Scorer.Weights::sharedConditionWish),
                weight(config, "peer-gender", d, Scorer.Weights::peerGender),
                weight(config, "language", d, Scorer.Weights::language),
                weight(config, "culture", d, Scorer.Weights::culture),
                weight(config, "shared-culture-or-language-wish", d, Scorer.Weights::sharedCultureOrLanguageWish),
                weight(config, "format", d, Scorer.Weights::format),
                weight(config, "format-cap", d, Scorer.Weights::formatCap),
                weight(config, "availability", d, Scorer.Weights::availability),
                weight(config, "availability-cap", d, Scorer.Weights::availabilityCap),
                weight(config, "locality", d, Scorer.Weights::locality));
    }

    /** A scorer on the current taxonomy: take one per shortlist or round, so all its scores agree. */
    public Scorer scorer() {
        return new Scorer(weights, taxonomies.current());
    }

    public Scorer.Weights weights() {
        return weights;
    }

    private static int weight(Config config, String name, Scorer.Weights defaults,
            ToIntFunction<Scorer.Weights> field) {
        int value = config.getOptionalValue(PREFIX + name, Integer.class).orElse(field.applyAsInt(defaults));
        if (value < 0 || value > Scorer.MAX_SCORE) {
            throw new IllegalArgumentException(PREFIX + name + " must be between 0 and " + Scorer.MAX_SCORE
                    + ", was " + value);
        }
        return value;
    }
}
