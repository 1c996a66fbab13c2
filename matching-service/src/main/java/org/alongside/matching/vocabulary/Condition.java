package org.alongside.matching.vocabulary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A long-term condition someone lives with: a person's (from referral events) or a peer's lived experience, which
 * may be past. The constraints apply where a peer profile is written.
 */
@Schema(name = "Condition")
public record Condition(
        @SnomedConceptId
        @Schema(description = "SNOMED CT concept id; conditions match on it. On a peer profile a code the taxonomy "
                + "does not know yet is accepted (and listed in unmappedCodes); a malformed one is refused.",
                example = "44054006") String snomedCode,
        @NotBlank @Size(max = 200) @Schema(example = "Type 2 diabetes mellitus") String display,
        @NotNull ConditionKind kind,
        @Schema(description = "Peers only. CURRENT: the peer lives with it now (the default). PAST: the peer has "
                + "lived through it.") Period period) {

    public enum Period { CURRENT, PAST }

    /** A condition without a period: a person's, as referral events carry it. */
    public Condition(String snomedCode, String display, ConditionKind kind) {
        this(snomedCode, display, kind, null);
    }

    /** As a peer profile keeps it: trimmed, and CURRENT unless said otherwise. */
    public Condition asLivedExperience() {
        return new Condition(snomedCode, display.strip(), kind, period == null ? Period.CURRENT : period);
    }
}
