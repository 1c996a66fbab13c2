package org.alongside.matching.peers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.alongside.matching.taxonomy.Taxonomy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Experiences a peer prefers not to support, for their own wellbeing: a person with any of them is never proposed
 * to this peer, whatever the score.
 */
@Schema(name = "Boundaries")
public record Boundaries(
        @Size(max = 30) @Schema(description = "Life experience tags, as on referrals", example = "[\"recent bereavement\"]")
        List<@NotBlank @Size(max = 50) String> experiences,
        @Size(max = 20) @Schema(description = "Condition groups of the taxonomy (GET /taxonomy)", example = "[\"cancer\"]")
        List<@NotBlank @Pattern(regexp = Taxonomy.GROUP_ID, message = "must be a condition group id such as cancer") String>
                conditionGroups) {

    public static final Boundaries NONE = new Boundaries(List.of(), List.of());

    Boundaries normalised() {
        return new Boundaries(
                experiences == null ? List.of() : experiences.stream().map(Boundaries::tag).distinct().toList(),
                conditionGroups == null ? List.of() : conditionGroups.stream().distinct().toList());
    }

    /** Tags compare trimmed and lower-case: "Carer" and "carer " are one experience. */
    public static String tag(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }
}
