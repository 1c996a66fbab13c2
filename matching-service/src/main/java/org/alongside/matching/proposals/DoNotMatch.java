package org.alongside.matching.proposals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A peer a coordinator ruled out for one person; the reason stays in matching-service. */
@Entity
@Table(name = "do_not_match")
public class DoNotMatch extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID referralId;
    public UUID peerId;
    public String reason;
    public String recordedBy;
    public OffsetDateTime recordedAt;

    static List<DoNotMatch> forReferral(UUID referralId) {
        return list("referralId = ?1 order by recordedAt, id", referralId);
    }

    static Set<UUID> peersRuledOut(UUID referralId) {
        return forReferral(referralId).stream().map(d -> d.peerId).collect(Collectors.toSet());
    }
}
