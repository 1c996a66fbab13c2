package org.alongside.matching.vocabulary;

/** A long-term physical condition or a mental health problem. */
public enum ConditionKind {
    PHYSICAL("a long-term physical condition"),
    MENTAL("a mental health problem");

    private final String description;

    ConditionKind(String description) {
        this.description = description;
    }

    /** As it reads in a sentence: "both have lived experience of a mental health problem". */
    public String description() {
        return description;
    }
}
