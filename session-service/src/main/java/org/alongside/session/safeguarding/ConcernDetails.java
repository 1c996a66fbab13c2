package org.alongside.session.safeguarding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A concern as raised with a session: the session says whom it is about. */
@Schema(name = "SafeguardingConcernDetails")
public record ConcernDetails(
        @NotNull Concern.Category category,
        @NotBlank @Size(max = 4000)
        @Schema(description = "What happened, what was seen or said. Read only by the peer, their supervisor and coordinators; never published")
        String description,
        @NotNull @Schema(description = "Is the person (or someone else) at risk of harm now? The concern must then be acknowledged within an hour")
        Boolean immediateRisk) {
}
