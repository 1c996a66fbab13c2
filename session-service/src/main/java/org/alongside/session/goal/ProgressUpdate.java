package org.alongside.session.goal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GoalProgressUpdate", description = "A new rating, a new status, or both")
public record ProgressUpdate(
        @Min(1) @Max(10) @Schema(description = "How the person rates their progress now, 1 to 10") Integer rating,
        Goal.Status status,
        @Schema(description = "The session it was reviewed in, if any") UUID sessionId) {
}
