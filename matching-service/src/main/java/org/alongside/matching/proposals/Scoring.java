package org.alongside.matching.proposals;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.alongside.matching.taxonomy.Taxonomies;

/**
 * The scorer the service ranks with: the configured weights ({@link MatchingConfig.Weights}, each 0-100, checked as
 * the service starts, so a weight out of range stops it from starting rather than from scoring) and the current
 * taxonomy version.
 */
@Startup
@ApplicationScoped
public class Scoring {

    private final Taxonomies taxonomies;
    private final Scorer.Weights weights;

    Scoring(Taxonomies taxonomies, MatchingConfig config) {
        this.taxonomies = taxonomies;
        this.weights = weights(config.weights());
    }

    /** A scorer on the current taxonomy: take one per shortlist or round, so all its scores agree. */
    public Scorer scorer() {
        return new Scorer(weights, taxonomies.current());
    }

    public Scorer.Weights weights() {
        return weights;
    }

    static Scorer.Weights weights(MatchingConfig.Weights w) {
        return new Scorer.Weights(w.sharedCondition(), w.sharedGroup(), w.livedExperienceCap(), w.sharedKind(),
                w.physicalAndMental(), w.sharedConditionWish(), w.peerGender(), w.language(), w.culture(),
                w.sharedCultureOrLanguageWish(), w.support(), w.supportCap(), w.availability(), w.availabilityCap(),
                w.locality(), w.experience(), w.experienceCap());
    }
}
