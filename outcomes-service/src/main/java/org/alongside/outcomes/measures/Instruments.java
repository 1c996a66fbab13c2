package org.alongside.outcomes.measures;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instrument definitions this service scores with, loaded at start with the configured thresholds: a definition
 * or setting that cannot score correctly, or a threshold setting no instrument has, stops the service from starting
 * rather than mis-scoring later.
 */
@Startup
@ApplicationScoped
public class Instruments {

    private final Map<String, Instrument> byCode;

    Instruments(InstrumentConfig config) {
        Map<String, BigDecimal> settings = new HashMap<>();
        config.thresholds().forEach((key, value) -> settings.put(InstrumentCatalogue.THRESHOLD_PREFIX + key, value));
        config.caseness().forEach((key, value) -> settings.put(InstrumentCatalogue.CASENESS_PREFIX + key, value));
        Set<String> applied = new HashSet<>();
        this.byCode = InstrumentCatalogue.load(key -> {
            applied.add(key);
            return Optional.ofNullable(settings.get(key));
        });
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.removeAll(applied);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("No instrument has the setting " + String.join(", ", unknown)
                    + " (GET /instruments shows each threshold's key)");
        }
    }

    /** The definitions as published, without any configured setting: for tools and tests outside the service. */
    public static Instruments published() {
        return new Instruments(new InstrumentConfig() {
            @Override
            public Map<String, BigDecimal> thresholds() {
                return Map.of();
            }

            @Override
            public Map<String, BigDecimal> caseness() {
                return Map.of();
            }
        });
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
