package org.alongside.outcomes.measures;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shipped instrument definitions, loaded without Quarkus, with optional threshold settings. */
final class Definitions {

    static final Map<String, Instrument> DEFAULT = InstrumentCatalogue.load(key -> Optional.empty());

    private Definitions() {
    }

    static Instrument get(String code) {
        return DEFAULT.get(code);
    }

    /** The definitions as they would be with {@code settings} ("key", "value", ...) configured. */
    static Map<String, Instrument> with(String... settings) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            values.put(settings[i], settings[i + 1]);
        }
        return InstrumentCatalogue.load(key -> Optional.ofNullable(values.get(key)).map(BigDecimal::new));
    }

    /** Answers as a client sends them; null stands for an unanswered item. */
    static List<BigDecimal> answers(Integer... values) {
        return Arrays.stream(values).map(v -> v == null ? null : BigDecimal.valueOf(v)).toList();
    }

    static Scored score(String code, Integer... answers) {
        return Scorer.score(get(code), answers(answers), null);
    }

    static Scored entered(String code, String score) {
        return Scorer.score(get(code), null, new BigDecimal(score));
    }
}
