package org.alongside.session.goal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alongside.session.vocabulary.Focus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewGoal")
public record NewGoal(
        @NotBlank(message = "must say what the goal is, in the person's own words") @Size(max = 500)
        @Schema(description = "The goal in the person's own words; never published") String text,
        @NotNull(message = "must name the area the goal belongs to")
        @Schema(description = "The focus area the goal belongs to") Focus focus,
        @Schema(description = "Defaults to NOT_STARTED") Goal.Status status,
        @Min(1) @Max(10) @Schema(description = "Where the person rates themselves now, 1 to 10") Integer rating) {
}
