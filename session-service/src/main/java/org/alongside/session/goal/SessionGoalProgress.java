package org.alongside.session.goal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A goal reviewed in a session: its new rating, status, or both. */
@Schema(name = "SessionGoalProgress")
public record SessionGoalProgress(
        @NotNull @Schema(description = "One of this referral's goals") UUID goalId,
        @Min(1) @Max(10) Integer rating,
        Goal.Status status) {
}
