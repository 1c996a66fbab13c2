package org.alongside.outcomes.measures;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Thresholds that override the instrument definitions' own ({@code alongside.outcomes.*}; GET /instruments shows
 * each threshold's key).
 */
@ConfigMapping(prefix = "alongside.outcomes")
public interface InstrumentConfig {

    /**
     * Meaningful change by instrument code ({@code thresholds.PHQ9}), or by item for instruments reported item by
     * item ({@code thresholds.ONS4.anxiety}, else the instrument's).
     */
    Map<String, BigDecimal> thresholds();

    /** Caseness cut-off by instrument code ({@code caseness.UCLA3}). */
    Map<String, BigDecimal> caseness();
}
