package org.alongside.outcomes.facts;

import java.util.List;
import java.util.Objects;

/** Turns event data into the values fact tables group by: sorted and without repeats, so equal facts compare equal. */
final class Dimensions {

    private Dimensions() {
    }

    static String[] conditionKinds(List<InboundEvents.Condition> conditions) {
        return conditions.stream().map(c -> c.kind().name()).distinct().sorted().toArray(String[]::new);
    }

    /** SNOMED CT codes only: a condition without a code still counts by its kind. */
    static String[] conditionCodes(List<InboundEvents.Condition> conditions) {
        return conditions.stream().map(InboundEvents.Condition::snomedCode).filter(Objects::nonNull)
                .map(String::strip).filter(code -> !code.isEmpty()).distinct().sorted().toArray(String[]::new);
    }
}
