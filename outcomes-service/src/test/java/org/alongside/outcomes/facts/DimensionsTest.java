package org.alongside.outcomes.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.alongside.platform.events.referrals.Condition;
import org.alongside.platform.events.referrals.ConditionKind;
import org.junit.jupiter.api.Test;

class DimensionsTest {

    private static final List<Condition> CONDITIONS = List.of(
            new Condition("44054006", "Type 2 diabetes mellitus", ConditionKind.PHYSICAL),
            new Condition(null, "Low mood", ConditionKind.MENTAL),
            new Condition(" 195967001 ", "Asthma", ConditionKind.PHYSICAL),
            new Condition("44054006", "Type 2 diabetes mellitus", ConditionKind.PHYSICAL));

    @Test
    void kindsAreSortedWithoutRepeats() {
        assertArrayEquals(new String[] {"MENTAL", "PHYSICAL"}, Dimensions.conditionKinds(CONDITIONS));
    }

    @Test
    void codesSkipConditionsWithoutOne() {
        assertArrayEquals(new String[] {"195967001", "44054006"}, Dimensions.conditionCodes(CONDITIONS));
        assertArrayEquals(new String[0], Dimensions.conditionCodes(List.of(new Condition(" ", "Low mood",
                ConditionKind.MENTAL))));
    }
}
