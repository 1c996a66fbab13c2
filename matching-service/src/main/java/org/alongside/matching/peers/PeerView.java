package org.alongside.matching.peers;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.matching.taxonomy.Taxonomy;
import org.alongside.matching.vocabulary.Condition;
import org.alongside.matching.vocabulary.ConditionKind;
import org.alongside.matching.vocabulary.Gender;
import org.alongside.matching.vocabulary.Medium;
import org.alongside.matching.vocabulary.Slot;
import org.alongside.matching.vocabulary.Setting;
import org.alongside.platform.events.support.Faith;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A peer profile as its readers see it. */
@Schema(name = "Peer")
public record PeerView(
        UUID id,
        String displayName,
        List<LivedExperience> livedExperience,
        @Schema(description = "SNOMED CT codes of the lived experience that the current taxonomy does not know yet: "
                + "they match only the same code, and count as other-physical or other-mental") List<String> unmappedCodes,
        List<String> experiences,
        Gender gender,
        String genderIdentity,
        String ageBand,
        String culture,
        @Schema(description = "NHS ethnic category code") String ethnicity,
        Faith faith,
        List<String> languages,
        List<Setting> settings,
        List<Medium> media,
        List<String> localities,
        List<Slot> availability,
        int capacity,
        @Schema(description = "Clients the peer is matched with now; never above capacity") int activeClients,
        PeerStatus status,
        @Schema(description = "status is ACTIVE") boolean active,
        Training training,
        @Schema(description = "The supervisor's token subject, as session-service assigned them (PUT "
                + "/peers/{peerId}/supervisor there); absent when the peer has none", example = "sue@trust.nhs.uk")
        String supervisor,
        Boundaries boundaries,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Only in the answer to PUT or PATCH /peers/{id} when the peer is now ON_LEAVE or LEFT: the people "
                + "they support now, each to transfer to another peer (POST /referrals/{referralId}/transfer)")
        List<Peers.CurrentPerson> peopleToTransfer) {

    @Schema(name = "LivedExperience")
    public record LivedExperience(String snomedCode, String display, ConditionKind kind, Condition.Period period,
            @Schema(description = "The taxonomy group the condition falls in", example = "diabetes") String group) {
    }

    PeerView withPeopleToTransfer(List<Peers.CurrentPerson> people) {
        return new PeerView(id, displayName, livedExperience, unmappedCodes, experiences, gender, genderIdentity,
                ageBand, culture, ethnicity, faith, languages, settings, media, localities, availability, capacity,
                activeClients, status, active, training, supervisor, boundaries, createdAt, updatedAt, people);
    }

    public static PeerView of(Peer p, Taxonomy taxonomy) {
        List<LivedExperience> lived = p.livedExperience.stream()
                .map(c -> new LivedExperience(c.snomedCode(), c.display(), c.kind(), c.period(),
                        taxonomy.groupOf(c.snomedCode(), c.kind()).id()))
                .toList();
        List<String> unmapped = p.livedExperience.stream().map(Condition::snomedCode)
                .filter(code -> code != null && !taxonomy.knows(code)).distinct().toList();
        return new PeerView(p.id, p.displayName, lived, unmapped, p.experiences, p.gender, p.genderIdentity, p.ageBand,
                p.culture, p.ethnicity, p.faith, p.languages, p.settings, p.media, p.localities, p.availability, p.capacity, p.activeClients,
                p.status, p.active, p.training, p.supervisor, p.boundaries, p.createdAt, p.updatedAt, null);
    }
}
