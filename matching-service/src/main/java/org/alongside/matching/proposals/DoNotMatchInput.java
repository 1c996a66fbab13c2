package org.alongside.matching.proposals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A peer to rule out for one person, and why. */
@Schema(name = "DoNotMatchInput")
public record DoNotMatchInput(
        @NotNull UUID peerId,
        @NotBlank @Size(max = 500) @Schema(description = "Kept in matching-service, never published; say why without "
                + "naming anyone", example = "They are neighbours") String reason) {
}
