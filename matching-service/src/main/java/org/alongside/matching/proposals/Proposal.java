package org.alongside.matching.proposals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** One peer proposed for one referral, with the score and the reasons that ranked it. */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID referralId;
    public UUID peerId;
    public int rank;
    public int score;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Scorer.Reason> reasons;
    @Enumerated(EnumType.STRING)
    public ProposalStatus status;
    @Enumerated(EnumType.STRING)
    public Decline.Reason declineReason;
    public String declineNote;
    public Integer taxonomyVersion;
    public OffsetDateTime proposedAt;
    public OffsetDateTime decidedAt;
    public String decidedBy;

    static List<Proposal> forReferral(UUID referralId) {
        return list("referralId = ?1 order by rank, id", referralId);
    }
}
