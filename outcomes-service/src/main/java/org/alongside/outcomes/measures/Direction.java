package org.alongside.outcomes.measures;

import java.math.BigDecimal;

/** Which way a score moves when things get better. */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER;

    /** The change expressed as improvement: positive is better whichever way the scale runs. */
    BigDecimal improvement(BigDecimal change) {
        return this == HIGHER_IS_BETTER ? change : change.negate();
    }
}
