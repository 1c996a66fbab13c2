package org.alongside.outcomes.facts;

import java.util.Arrays;
import java.util.Optional;

/**
 * The condition groups commissioners report by: matching-service's taxonomy groups ({@code GET /taxonomy}), named by
 * the taxonomy's ids so matching, outcomes and the dashboard say the same. Codes map to them through
 * {@code condition_group_mapping}.
 */
public enum ConditionGroup {
    DIABETES("diabetes", "Diabetes"),
    RESPIRATORY("respiratory", "Respiratory"),
    RENAL("renal", "Renal"),
    CARDIAC("cardiac", "Cardiac"),
    CANCER("cancer", "Cancer"),
    NEUROLOGICAL("neurological", "Neurological"),
    MUSCULOSKELETAL_AND_PAIN("musculoskeletal-and-pain", "Musculoskeletal and pain"),
    HIV("hiv", "HIV"),
    COMMON_MENTAL_HEALTH("common-mental-health", "Depression or anxiety"),
    SEVERE_MENTAL_ILLNESS("severe-mental-illness", "Severe mental illness"),
    OTHER_PHYSICAL("other-physical", "Other physical"),
    OTHER_MENTAL("other-mental", "Other mental health");

    private final String id;
    private final String label;

    ConditionGroup(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The taxonomy id, as stored and published. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<ConditionGroup> ofId(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
    }
}
