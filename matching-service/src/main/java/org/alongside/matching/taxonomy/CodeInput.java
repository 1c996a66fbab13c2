package org.alongside.matching.taxonomy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alongside.matching.vocabulary.ConditionKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a SNOMED CT code belongs in the taxonomy. */
@Schema(name = "TaxonomyCodeInput")
public record CodeInput(
        @NotBlank @Schema(description = "An existing group id (GET /taxonomy)", example = "respiratory") String group,
        @NotNull @Schema(description = "Must be the group's kind") ConditionKind kind,
        @NotBlank @Size(max = 200) @Schema(example = "Bronchiectasis") String display) {
}
