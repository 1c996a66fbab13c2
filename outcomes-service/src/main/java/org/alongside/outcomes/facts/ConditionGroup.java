package org.alongside.outcomes.facts;

/** The condition groups commissioners report by; codes map to them through {@code condition_group_mapping}. */
public enum ConditionGroup {
    DIABETES("Diabetes"),
    RESPIRATORY("Respiratory"),
    RENAL("Renal"),
    CARDIAC("Cardiac"),
    CANCER("Cancer"),
    NEUROLOGICAL("Neurological"),
    MUSCULOSKELETAL_PAIN("Musculoskeletal and pain"),
    HIV("HIV"),
    MENTAL_HEALTH("Mental health"),
    OTHER_PHYSICAL("Other physical"),
    OTHER_MENTAL("Other mental health");

    private final String label;

    ConditionGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
