package org.alongside.matching.peers;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a peer is trained for: for supervisors and coordinators; matching does not score it. */
@Schema(name = "Training")
public record Training(
        @Schema(description = "Has completed peer support worker training") Boolean peerSupport,
        @Min(1) @Max(3) @Schema(description = "Safeguarding training level (1-3)", example = "2") Integer safeguardingLevel,
        @Size(max = 20) @Schema(description = "Condition-specific courses", example = "[\"Diabetes self-management (DESMOND)\"]")
        List<@NotBlank @Size(max = 100) String> conditionSpecific) {

    Training normalised() {
        return new Training(peerSupport, safeguardingLevel,
                conditionSpecific == null ? List.of() : conditionSpecific.stream().map(String::strip).distinct().toList());
    }
}
