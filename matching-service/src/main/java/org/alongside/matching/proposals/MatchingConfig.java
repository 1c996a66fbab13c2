package org.alongside.matching.proposals;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How peers are proposed ({@code alongside.matching.*}): how many for each accepted referral, and the points each
 * factor is worth (docs/matching.md explains them).
 */
@ConfigMapping(prefix = "alongside.matching")
public interface MatchingConfig {

    /** How many peers are proposed for each accepted referral. */
    @WithDefault("3")
    @Min(1)
    int shortlistSize();

    Weights weights();

    /** Points for each factor, each 0 to 100 ({@link Scorer#MAX_SCORE}). */
    interface Weights {

        @WithDefault("40") @Min(0) @Max(Scorer.MAX_SCORE) int sharedCondition();

        @WithDefault("20") @Min(0) @Max(Scorer.MAX_SCORE) int sharedGroup();

        @WithDefault("60") @Min(0) @Max(Scorer.MAX_SCORE) int livedExperienceCap();

        @WithDefault("10") @Min(0) @Max(Scorer.MAX_SCORE) int sharedKind();

        @WithDefault("10") @Min(0) @Max(Scorer.MAX_SCORE) int physicalAndMental();

        @WithDefault("10") @Min(0) @Max(Scorer.MAX_SCORE) int sharedConditionWish();

        @WithDefault("5") @Min(0) @Max(Scorer.MAX_SCORE) int peerGender();

        @WithDefault("10") @Min(0) @Max(Scorer.MAX_SCORE) int language();

        @WithDefault("10") @Min(0) @Max(Scorer.MAX_SCORE) int culture();

        @WithDefault("10") @Min(0) @Max(Scorer.MAX_SCORE) int sharedCultureOrLanguageWish();

        /** Each preferred setting or medium the peer offers. */
        @WithDefault("5") @Min(0) @Max(Scorer.MAX_SCORE) int support();

        @WithDefault("15") @Min(0) @Max(Scorer.MAX_SCORE) int supportCap();

        @WithDefault("5") @Min(0) @Max(Scorer.MAX_SCORE) int availability();

        @WithDefault("10") @Min(0) @Max(Scorer.MAX_SCORE) int availabilityCap();

        @WithDefault("10") @Min(0) @Max(Scorer.MAX_SCORE) int locality();

        /** Each life experience both have. */
        @WithDefault("5") @Min(0) @Max(Scorer.MAX_SCORE) int experience();

        @WithDefault("10") @Min(0) @Max(Scorer.MAX_SCORE) int experienceCap();
    }
}
