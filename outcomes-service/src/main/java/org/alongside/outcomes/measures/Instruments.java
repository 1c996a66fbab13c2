package org.alongside.outcomes.measures;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The instrument definitions this service scores with, loaded at start with the configured thresholds: a definition
 * or setting that cannot score correctly stops the service from starting rather than mis-scoring later.
 */
@Startup
@ApplicationScoped
public class Instruments {

    private final Map<String, Instrument> byCode;

    Instruments(Config config) {
        this.byCode = InstrumentCatalogue.load(key -> config.getOptionalValue(key, BigDecimal.class));
    }

    public List<Instrument> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Instrument> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }
}
