package org.alongside.matching.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who meets: the person and one peer, or a peer-led group (the contract's {@code Setting}). */
@Schema(name = "Setting", description = "ONE_TO_ONE: the person and one peer. GROUP: a peer-led group.")
public enum Setting {
    ONE_TO_ONE, GROUP;

    /** As it reads in a sentence: "one-to-one". */
    public String description() {
        return this == ONE_TO_ONE ? "one-to-one" : "group";
    }
}
