package org.alongside.session.supervision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A supervision session as the supervisor records it. */
@Schema(name = "NewSupervision")
public record NewSupervision(
        @NotNull @Schema(description = "When it was held; not in the future") OffsetDateTime heldAt,
        @Min(1) @Max(600) @Schema(description = "Minutes, 1 to 600") Integer durationMinutes,
        @NotNull @Size(min = 1, max = 8) List<Supervision.@NotNull Topic> topics,
        @NotNull Supervision.Wellbeing wellbeing,
        @Size(max = 4000) @Schema(description = "Free text; read only by the peer worker and by supervisors")
        String wellbeingNotes,
        @Size(max = 20) List<@NotNull @Valid NewAction> actions) {

    @Schema(name = "NewSupervisionAction")
    public record NewAction(@NotBlank @Size(max = 500) String description, LocalDate dueBy) {
    }
}
