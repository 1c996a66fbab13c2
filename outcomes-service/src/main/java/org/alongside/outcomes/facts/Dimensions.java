package org.alongside.outcomes.facts;

import java.util.List;
import java.util.Objects;
import org.alongside.platform.events.referrals.Condition;

/** Turns event data into the values fact tables group by: sorted and without repeats, so equal facts compare equal. */
final class Dimensions {

    private Dimensions() {
    }

    static String[] conditionKinds(List<Condition> conditions) {
        return conditions.stream().map(c -> c.kind().name()).distinct().sorted().toArray(String[]::new);
    }

    /** SNOMED CT codes only: a condition without a code still counts by its kind. */
    static String[] conditionCodes(List<Condition> conditions) {
        return conditions.stream().map(Condition::snomedCode).filter(Objects::nonNull)
                .map(String::strip).filter(code -> !code.isEmpty()).distinct().sorted().toArray(String[]::new);
    }
}
