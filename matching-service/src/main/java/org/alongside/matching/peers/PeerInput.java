package org.alongside.matching.peers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.alongside.matching.vocabulary.Condition;
import org.alongside.matching.vocabulary.Gender;
import org.alongside.matching.vocabulary.SupportFormat;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A peer profile as a coordinator writes it (POST creates, PUT replaces). */
@Schema(name = "PeerInput")
public record PeerInput(
        @NotBlank @Size(max = 100) @Schema(description = "The name clients and coordinators know the peer by", example = "Sam")
        String displayName,
        @NotNull @Size(min = 1, max = 20, message = "must list between 1 and 20 conditions")
        @Schema(description = "Conditions the peer lives or has lived with; matched against the client's conditions")
        List<@NotNull @Valid Condition> livedExperience,
        @Size(max = 30) @Schema(description = "Free tags for other experience, e.g. carer, bereavement", example = "[\"carer\", \"bereavement\"]")
        List<@NotBlank @Size(max = 50) String> experiences,
        Gender gender,
        @Size(max = 20) @Schema(description = "BCP 47 language tags the peer can support people in", example = "[\"en\", \"pl\"]")
        List<@NotNull @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", message = "must be a language tag such as en or pl") String> languages,
        @NotNull(message = "must offer at least one format") @Size(min = 1, message = "must offer at least one format")
        List<@NotNull SupportFormat> formats,
        @NotNull @Min(0) @Max(50) @Schema(description = "The most clients the peer supports at once (0-50)", example = "4")
        Integer capacity,
        @NotNull @Schema(description = "Whether the peer takes new clients; an inactive peer is never proposed")
        Boolean active) {
}
