package org.alongside.matching.vocabulary;

/** How support is given. */
public enum SupportFormat {
    ONE_TO_ONE("one-to-one"),
    GROUP("group"),
    TELEPHONE("telephone"),
    VIDEO("video"),
    ONLINE("online");

    private final String description;

    SupportFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
