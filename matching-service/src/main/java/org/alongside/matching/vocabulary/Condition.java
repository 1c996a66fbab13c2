package org.alongside.matching.vocabulary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A long-term condition someone lives with: a client's (from referral events) or a peer's lived experience. */
@Schema(name = "Condition")
public record Condition(
        @Pattern(regexp = "\\d{6,18}", message = "must be a SNOMED CT concept id (6-18 digits)")
        @Schema(description = "SNOMED CT concept id; conditions match on it", example = "44054006") String snomedCode,
        @NotBlank @Size(max = 200) @Schema(example = "Type 2 diabetes mellitus") String display,
        @NotNull ConditionKind kind) {
}
