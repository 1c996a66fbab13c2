package org.alongside.session.signposting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewSignposting", description = "A community resource the person was linked to")
public record NewSignpost(
        @NotBlank @Size(max = 200) @Schema(description = "The resource's name, e.g. 'Hyde Park walking group'") String name,
        @NotNull Signpost.Category category,
        @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._:/-]+", message = "must be an Open Referral UK service id")
        @Schema(description = "The service's id in an Open Referral UK directory, where known") String orukServiceId,
        @Schema(description = "Defaults to NOT_KNOWN; update it later with PUT /signposting/{id}/take-up")
        Signpost.TakeUp takeUp) {
}
