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
import org.alongside.matching.vocabulary.Localities;
import org.alongside.matching.vocabulary.Medium;
import org.alongside.matching.vocabulary.Slot;
import org.alongside.matching.vocabulary.Setting;
import org.alongside.platform.events.support.EthnicCategory;
import org.alongside.platform.events.support.Faith;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A peer profile as a coordinator writes it (POST creates, PUT replaces, PATCH merges a patch of it). */
@Schema(name = "PeerInput")
public record PeerInput(
        @NotBlank @Size(max = 100) @Schema(description = "The name clients and coordinators know the peer by", example = "Sam")
        String displayName,
        @NotNull @Size(min = 1, max = 20, message = "must list between 1 and 20 conditions")
        @Schema(description = "Conditions the peer lives or has lived with, SNOMED CT coded where possible")
        List<@NotNull @Valid Condition> livedExperience,
        @Size(max = 30) @Schema(description = "Life experience tags, e.g. carer, bereavement, recovery from substance use, "
                + "homelessness, lgbtq+, disability, migration, unemployment", example = "[\"carer\", \"bereavement\"]")
        List<@NotBlank @Size(max = 50) String> experiences,
        @Schema(description = "Matched against a person's preferred peer gender") Gender gender,
        @Size(max = 60) @Schema(description = "The peer's gender in their own words", example = "non-binary")
        String genderIdentity,
        @Pattern(regexp = AGE_BAND, message = "must be one of 16-24, 25-34, 35-44, 45-54, 55-64, 65-74, 75+")
        @Schema(example = "45-54") String ageBand,
        @Size(max = 100) @Schema(description = "Culture, self-described", example = "Polish") String culture,
        @Pattern(regexp = EthnicCategory.PATTERN, message = "must be an NHS ethnic category code (A-H, J-N, P, R, S, Z or 99)")
        @Schema(description = "NHS ethnic category code (UK Core EthnicCategoryEngland)", example = "C") String ethnicity,
        @Schema(description = "Religion or belief (ONS 2021 Census categories)") Faith faith,
        @Size(max = 20) @Schema(description = "BCP 47 language tags the peer can support people in", example = "[\"en\", \"pl\"]")
        List<@NotNull @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", message = "must be a language tag such as en or pl") String> languages,
        @NotNull(message = "must offer at least one setting") @Size(min = 1, message = "must offer at least one setting")
        @Schema(description = "Who the peer meets: one person, a group, or both") List<@NotNull Setting> settings,
        @NotNull(message = "must offer at least one medium") @Size(min = 1, message = "must offer at least one medium")
        @Schema(description = "Through what the peer supports people") List<@NotNull Medium> media,
        @Size(max = 50) @Schema(description = "Postcode districts where the peer meets people in person; none means "
                + "in-person support is not limited by place", example = "[\"LS6\", \"LS7\"]")
        List<@NotNull @Pattern(regexp = Localities.DISTRICT, message = Localities.MALFORMED) String> localities,
        @Size(max = 21) @Schema(description = "When in the week the peer is free") List<@NotNull @Valid Slot> availability,
        @NotNull @Min(0) @Max(Peers.MOST_CLIENTS) @Schema(description = "The most clients the peer supports at once (0-50)", example = "4")
        Integer capacity,
        @Schema(description = "Give status, or (the first shape of this API) active; if both, they must agree")
        PeerStatus status,
        @Schema(description = "true is status ACTIVE; false is ON_LEAVE") Boolean active,
        @Valid Training training,
        @Valid Boundaries boundaries) {

    public static final String AGE_BAND = "16-24|25-34|35-44|45-54|55-64|65-74|75\\+";

    /** The profile as held, as its writers would send it: what a merge patch applies to. */
    static PeerInput of(Peer p) {
        return new PeerInput(p.displayName, p.livedExperience, p.experiences, p.gender, p.genderIdentity, p.ageBand,
                p.culture, p.ethnicity, p.faith, p.languages, p.settings, p.media, p.localities, p.availability,
                p.capacity, p.status, null, p.training, p.boundaries);
    }
}
