package org.alongside.outcomes.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The definitions with the thresholds configured as the service reads them: its mapping of alongside.outcomes. */
class InstrumentsTest {

    private static Instruments configured(Map<String, String> properties) {
        return new Instruments(new SmallRyeConfigBuilder().withMapping(InstrumentConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build()
                .getConfigMapping(InstrumentConfig.class));
    }

    @Test
    void thresholdsApplyByInstrumentAndByItem() {
        Instruments instruments = configured(Map.of("alongside.outcomes.thresholds.PHQ9", "5",
                "alongside.outcomes.thresholds.ONS4.anxiety", "1.5", "alongside.outcomes.caseness.UCLA3", "6"));
        assertEquals(new BigDecimal("5"), instruments.find("PHQ9").orElseThrow().meaningfulChange().value());
        assertEquals(new BigDecimal("1.5"), instruments.find("ONS4").orElseThrow().items().get(3)
                .meaningfulChange().value());
        assertTrue(instruments.find("UCLA3").orElseThrow().caseness().configured());
        assertEquals(Definitions.get("GAD7"), instruments.find("GAD7").orElseThrow());
    }

    @Test
    void aSettingNoInstrumentHasStopsTheServiceNamingIt() {
        String error = assertThrows(IllegalArgumentException.class,
                () -> configured(Map.of("alongside.outcomes.thresholds.PHQ8", "5"))).getMessage();
        assertTrue(error.contains("alongside.outcomes.thresholds.PHQ8"), error);
    }
}
