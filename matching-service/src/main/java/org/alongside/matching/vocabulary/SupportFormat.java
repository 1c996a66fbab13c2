package org.alongside.matching.vocabulary;

/** How support is given. One-to-one and group support happen in person, so they depend on where people live. */
public enum SupportFormat {
    ONE_TO_ONE("one-to-one", true),
    GROUP("group", true),
    TELEPHONE("telephone", false),
    VIDEO("video", false),
    ONLINE("online", false);

    private final String description;
    private final boolean inPerson;

    SupportFormat(String description, boolean inPerson) {
        this.description = description;
        this.inPerson = inPerson;
    }

    public String description() {
        return description;
    }

    public boolean inPerson() {
        return inPerson;
    }
}
