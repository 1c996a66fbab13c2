package org.alongside.matching.taxonomy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alongside.matching.vocabulary.ConditionKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A condition group: its kind, and how it reads in a reason. */
@Schema(name = "ConditionGroupInput")
public record GroupInput(
        @NotNull @Schema(description = "Fixed once the group exists") ConditionKind kind,
        @NotBlank @Size(max = 200) @Schema(description = "Reads in a sentence: both have lived with ...",
                example = "an eating disorder") String display) {
}
