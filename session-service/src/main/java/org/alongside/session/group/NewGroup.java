package org.alongside.session.group;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewGroup", description = "A group as a coordinator sets it up (or changes it)")
public record NewGroup(
        @NotBlank @Size(max = 200) @Schema(description = "e.g. 'Breathe Easy Tuesdays'") String name,
        @NotBlank @Size(max = 200) @Schema(description = "What the group is about, e.g. 'living with diabetes'") String focus,
        @NotNull PeerGroup.Leadership leadership,
        @NotNull @Size(max = 10) @Schema(description = "Peer ids of the peer workers who facilitate; at least one unless PROFESSIONALLY_LED")
        List<@NotNull UUID> facilitators,
        @NotNull @Min(1) @Max(200) @Schema(description = "How many people a meeting can take") Integer capacity) {
}
