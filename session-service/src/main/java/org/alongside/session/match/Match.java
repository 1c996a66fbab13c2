package org.alongside.session.match;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A peer worker accepted as a referral's peer. Active until a later match replaces it, matching-service ends it,
 * or the referral is closed or withdrawn; an ended match is kept, so past sessions stay filed under it.
 */
@Entity
@Table(name = "peer_match")
public class Match extends PanacheEntityBase {

    /** Why a match ended when no match.ended reason applies. */
    public static final String REPLACED = "REPLACED";
    public static final String REFERRAL_CLOSED = "REFERRAL_CLOSED";
    public static final String REFERRAL_WITHDRAWN = "REFERRAL_WITHDRAWN";
    /** match.ended version 2: the person moved to another peer and their history goes with them. */
    public static final String TRANSFERRED = "TRANSFERRED";

    @Id
    public UUID id;
    public UUID referralId;
    public UUID peerId;
    public UUID proposalId;
    public OffsetDateTime matchedAt;
    public OffsetDateTime endedAt;
    public UUID replacedBy;
    public String endReason;

    public boolean isActive() {
        return endedAt == null;
    }

    void end(OffsetDateTime at, String reason) {
        endedAt = at;
        endReason = reason;
    }
}
