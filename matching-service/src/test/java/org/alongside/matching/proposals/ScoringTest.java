package org.alongside.matching.proposals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidatorImpl;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weights and shortlist size as the service reads them at start: its mapping, validated as Quarkus does. */
class ScoringTest {

    private static MatchingConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(MatchingConfig.class)
                .withValidator(new BeanValidationConfigValidatorImpl())
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build()
                .getConfigMapping(MatchingConfig.class);
    }

    @Test
    void withNothingConfiguredTheDocumentedDefaultsApply() {
        // the table in docs/matching.md
        assertEquals(new Scorer.Weights(40, 20, 60, 10, 10, 10, 5, 10, 10, 10, 5, 15, 5, 10, 10, 5, 10),
                Scoring.weights(config(Map.of()).weights()));
        assertEquals(3, config(Map.of()).shortlistSize());
    }

    @Test
    void eachWeightCanBeConfiguredOnItsOwn() {
        Scorer.Weights weights = Scoring.weights(config(Map.of(
                "alongside.matching.weights.shared-group", "25",
                "alongside.matching.weights.shared-culture-or-language-wish", "0",
                "alongside.matching.weights.availability-cap", "20")).weights());
        assertEquals(25, weights.sharedGroup());
        assertEquals(0, weights.sharedCultureOrLanguageWish());
        assertEquals(20, weights.availabilityCap());
        assertEquals(DocumentedWeights.DEFAULTS.sharedCondition(), weights.sharedCondition());
    }

    @Test
    void aWeightOutsideZeroToOneHundredStopsTheServiceNamingTheKey() {
        String negative = assertThrows(ConfigValidationException.class,
                () -> config(Map.of("alongside.matching.weights.locality", "-5"))).getMessage();
        assertTrue(negative.contains("alongside.matching.weights.locality must be greater than or equal to 0"),
                negative);
        String tooMany = assertThrows(ConfigValidationException.class,
                () -> config(Map.of("alongside.matching.weights.shared-condition", "101"))).getMessage();
        assertTrue(tooMany.contains("alongside.matching.weights.shared-condition must be less than or equal to 100"),
                tooMany);
        String none = assertThrows(ConfigValidationException.class,
                () -> config(Map.of("alongside.matching.shortlist-size", "0"))).getMessage();
        assertTrue(none.contains("alongside.matching.shortlist-size must be greater than or equal to 1"), none);
    }
}
