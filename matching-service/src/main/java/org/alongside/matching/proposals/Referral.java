package org.alongside.matching.proposals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.alongside.matching.vocabulary.Condition;
import org.alongside.matching.vocabulary.Gender;
import org.alongside.matching.vocabulary.SupportFormat;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Matching's copy of an accepted referral, from its {@code referral.accepted} event: what the person needs and
 * prefers, kept so the referral can be matched again later. Never who the person is.
 */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public MatchingStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Condition> conditions;
    @Enumerated(EnumType.STRING)
    public Gender peerGender;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<SupportFormat> formats;
    public Boolean sharedCondition;
    public String language;
    public boolean interpreterNeeded;
    public String waitingReason;
    public UUID matchedPeerId;
    public OffsetDateTime acceptedAt;
    public OffsetDateTime updatedAt;

    Scorer.Needs needs() {
        return new Scorer.Needs(conditions, peerGender,
                formats.isEmpty() ? EnumSet.noneOf(SupportFormat.class) : EnumSet.copyOf(formats), language);
    }
}
