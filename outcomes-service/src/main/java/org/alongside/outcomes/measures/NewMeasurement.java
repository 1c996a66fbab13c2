package org.alongside.outcomes.measures;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A completed instrument as a coordinator or peer worker enters it. */
@Schema(name = "NewMeasurement")
public record NewMeasurement(
        @NotNull UUID referralId,
        @NotBlank @Schema(description = "Instrument code, as GET /instruments lists them: SWEMWBS, WEMWBS, ONS4, PHQ9, "
                + "GAD7, SEMCD6, UCLA3, PAM, EQ5D5L, SERVICE_USE", example = "PHQ9") String instrument,
        @NotNull Timepoint timepoint,
        @NotNull @Schema(description = "When the person completed it; not in the future") OffsetDateTime completedAt,
        @Size(max = 100) @Schema(type = SchemaType.ARRAY, implementation = Integer.class, nullable = true,
                description = "One whole-number answer per item, in item order; null for an unanswered item where the "
                        + "instrument allows it (SEMCD6). Not sent for PAM and EQ5D5L.",
                example = "[1, 2, 1, 0, 1, 2, 1, 0, 0]") List<BigDecimal> answers,
        @Schema(description = "PAM and EQ5D5L only: the score from the licensed tool (PAM 0-100, one decimal place; "
                + "EQ5D5L index value -0.594 to 1, up to three decimal places)", example = "58.3") BigDecimal score) {
}
