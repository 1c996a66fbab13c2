package org.alongside.outcomes.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.alongside.outcomes.facts.InboundEvents.Condition;
import org.alongside.outcomes.facts.InboundEvents.ConditionKind;
import org.junit.jupiter.api.Test;

class DimensionsTest {

    private static final List<Condition> CONDITIONS = List.of(
            new Condition("44054006", ConditionKind.PHYSICAL),
            new Condition(null, ConditionKind.MENTAL),
            new Condition(" 195967001 ", ConditionKind.PHYSICAL),
            new Condition("44054006", ConditionKind.PHYSICAL));

    @Test
    void kindsAreSortedWithoutRepeats() {
        assertArrayEquals(new String[] {"MENTAL", "PHYSICAL"}, Dimensions.conditionKinds(CONDITIONS));
    }

    @Test
    void codesSkipConditionsWithoutOne() {
        assertArrayEquals(new String[] {"195967001", "44054006"}, Dimensions.conditionCodes(CONDITIONS));
        assertArrayEquals(new String[0], Dimensions.conditionCodes(List.of(new Condition(" ", ConditionKind.MENTAL))));
    }
}
