package org.alongside.session.safeguarding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A concern raised outside a session (a phone call, a message, something a neighbour said). */
@Schema(name = "NewSafeguardingConcern")
public record NewConcern(
        @NotNull UUID referralId,
        @NotNull Concern.Category category,
        @NotBlank @Size(max = 4000)
        @Schema(description = "What happened. Read only by the peer, their supervisor and coordinators; never published")
        String description,
        @NotNull Boolean immediateRisk) {

    ConcernDetails details() {
        return new ConcernDetails(category, description, immediateRisk);
    }
}
