package org.alongside.matching.proposals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }

    @Test
    void withNothingConfiguredTheDocumentedDefaultsApply() {
        assertEquals(Scorer.Weights.DEFAULTS, new Scoring(null, config(Map.of())).weights());
    }

    @Test
    void eachWeightCanBeConfiguredOnItsOwn() {
        Scorer.Weights weights = new Scoring(null, config(Map.of(
                "alongside.matching.weights.shared-group", "25",
                "alongside.matching.weights.shared-culture-or-language-wish", "0",
                "alongside.matching.weights.availability-cap", "20"))).weights();
        assertEquals(25, weights.sharedGroup());
        assertEquals(0, weights.sharedCultureOrLanguageWish());
        assertEquals(20, weights.availabilityCap());
        assertEquals(Scorer.Weights.DEFAULTS.sharedCondition(), weights.sharedCondition());
    }

    @Test
    void aWeightOutsideZeroToOneHundredStopsTheServiceNamingTheKey() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new Scoring(null, config(Map.of("alongside.matching.weights.locality", "-5"))));
        assertEquals("alongside.matching.weights.locality must be between 0 and 100, was -5", negative.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Scoring(null, config(Map.of("alongside.matching.weights.shared-condition", "101"))));
    }
}
