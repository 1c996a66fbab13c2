package org.alongside.session.match;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A peer worker accepted as a referral's peer. Active until a later match for the referral replaces it. */
@Entity
@Table(name = "peer_match")
public class Match extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID referralId;
    public UUID peerId;
    public UUID proposalId;
    public OffsetDateTime matchedAt;
    public OffsetDateTime endedAt;
    public UUID replacedBy;

    public boolean isActive() {
        return endedAt == null;
    }
}
