package org.alongside.matching.peers;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.matching.vocabulary.Condition;
import org.alongside.matching.vocabulary.Gender;
import org.alongside.matching.vocabulary.SupportFormat;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A peer profile as its readers see it. */
@Schema(name = "Peer")
public record PeerView(
        UUID id,
        String displayName,
        List<Condition> livedExperience,
        List<String> experiences,
        Gender gender,
        List<String> languages,
        List<SupportFormat> formats,
        int capacity,
        @Schema(description = "Clients the peer is matched with now; never above capacity") int activeClients,
        boolean active,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static PeerView of(Peer p) {
        return new PeerView(p.id, p.displayName, p.livedExperience, p.experiences, p.gender, p.languages, p.formats,
                p.capacity, p.activeClients, p.active, p.createdAt, p.updatedAt);
    }
}
