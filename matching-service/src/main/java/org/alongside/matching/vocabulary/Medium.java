package org.alongside.matching.vocabulary;

import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Through what support takes place (the contract's {@code Medium}). Only IN_PERSON depends on where people live.
 */
@Schema(name = "Medium", description = "IN_PERSON, TELEPHONE, VIDEO or ONLINE_TEXT (messages or chat)")
public enum Medium {
    IN_PERSON, TELEPHONE, VIDEO, ONLINE_TEXT;

    /** As it reads in a sentence: "in person", "online text". */
    public String description() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public boolean inPerson() {
        return this == IN_PERSON;
    }
}
